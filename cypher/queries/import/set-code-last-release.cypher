// Codes deleted after $release (absent from the next one): valid up to $release, inactive
// now (search hides them unless asked to include inactive codes).
UNWIND $keys AS key
MATCH (c:Code {system: $system, codeKey: key})
SET c.lastRelease = $release, c.active = false
RETURN count(*) AS codes
