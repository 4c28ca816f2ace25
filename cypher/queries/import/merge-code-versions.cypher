// Earlier states of codes (a later release changed the title, short title or billable
// flag): one CodeVersion per (system, codeKey, lastRelease), linked from its code.
UNWIND $versions AS x
MATCH (c:Code {system: $system, codeKey: x.codeKey})
MERGE (v:CodeVersion {system: $system, codeKey: x.codeKey, lastRelease: x.lastRelease})
SET v.firstRelease = x.firstRelease, v.title = x.title, v.shortTitle = x.shortTitle, v.billable = x.billable
MERGE (c)-[:HAS_VERSION]->(v)
RETURN count(*) AS versions
