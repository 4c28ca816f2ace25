// Replaces the stored similar codes (SCORED_SIMILAR) and codes sharing risks (SHARES_RISKS)
// of each code in $rows with the lists code/reference/* computed for it (top 100, in order:
// `rank`), and marks the code `similarStored` so reads follow these edges. Runs in the
// transaction of the page import that changed them (or of one recompute batch).
// $rows: [{ref, similar: [{ref, score, listed, hierarchyDistance, sharedRisks, sharedBodyRegions,
// sharedPersonnel, sharedSettings}], sharing: [{ref, sharedRisks}]}], term lists as keys.
UNWIND $rows AS row
WITH row, split(row.ref, ':') AS p
MATCH (a:Code {system: p[0], codeKey: p[1]})
CALL (a) {
  MATCH (a)-[old:SCORED_SIMILAR|SHARES_RISKS]->()
  DELETE old
}
CALL (a, row) {
  UNWIND range(0, size(row.similar) - 1) AS i
  WITH a, i, row.similar[i] AS s, split(row.similar[i].ref, ':') AS q
  MATCH (b:Code {system: q[0], codeKey: q[1]})
  CREATE (a)-[:SCORED_SIMILAR {rank: i, score: s.score, listed: s.listed, hierarchyDistance: s.hierarchyDistance,
    sharedRisks: s.sharedRisks, sharedBodyRegions: s.sharedBodyRegions, sharedPersonnel: s.sharedPersonnel, sharedSettings: s.sharedSettings}]->(b)
}
CALL (a, row) {
  UNWIND range(0, size(row.sharing) - 1) AS i
  WITH a, i, row.sharing[i] AS s, split(row.sharing[i].ref, ':') AS q
  MATCH (b:Code {system: q[0], codeKey: q[1]})
  CREATE (a)-[:SHARES_RISKS {rank: i, sharedRisks: s.sharedRisks}]->(b)
}
SET a.similarStored = true
RETURN count(a) AS stored
