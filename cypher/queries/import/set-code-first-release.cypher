// Codes that are new in $release (absent from the release before it): validity starts there.
UNWIND $keys AS key
MATCH (c:Code {system: $system, codeKey: key})
SET c.firstRelease = $release
RETURN count(*) AS codes
