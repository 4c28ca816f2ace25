// Codes not in the release just loaded keep their place in code order (lists, children):
// a sort key just after the code they followed (src/ingest/codesets/release-plan.ts).
UNWIND $rows AS x
MATCH (c:Code {system: $system, codeKey: x.codeKey})
SET c.sortKey = x.sortKey, c.listKey = $system + '|' + x.sortKey
RETURN count(*) AS codes
