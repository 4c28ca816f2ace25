// The stored state of one system's codes of the given levels (the order file's rows, not
// derived chapters or blocks) with their earlier versions, and the system's loaded
// releases: what a release load compares its file with (src/ingest/codesets/release-plan.ts).
MATCH (c:Code {system: $system})
WHERE c.level IN $levels AND NOT coalesce(c.stub, false)
OPTIONAL MATCH (c)-[:HAS_VERSION]->(v:CodeVersion)
WITH c, collect(v {.firstRelease, .lastRelease, .title, .shortTitle, .billable}) AS versions
RETURN c.codeKey AS codeKey, c.title AS title, c.shortTitle AS shortTitle, c.billable AS billable,
       c.firstRelease AS firstRelease, c.lastRelease AS lastRelease, c.sortKey AS sortKey, c.release AS file,
       versions
