// Codes deleted by an earlier release that a newer one lists again: valid and active again.
UNWIND $keys AS key
MATCH (c:Code {system: $system, codeKey: key})
SET c.lastRelease = null, c.active = true
RETURN count(*) AS codes
