// Codes sharing at least $minShared risks with each code, most shared first, then code
// order, read from the stored SHARES_RISKS edges the import writes (import/store-code-lists):
// the top 100 (MAX_PAGE_SIZE) of code/reference/compute-codes-sharing-risks-by-code-ref with
// minShared 1, in its order (rank). The order is by shared count first, so the codes with at
// least $minShared are a prefix of it: filtering the stored list gives the reference answer.
// `stored` is false for a code whose lists were never computed: the loader then runs the reference.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (a:Code {system: p[0], codeKey: p[1]})
RETURN key, a IS NULL OR a.similarStored = true AS stored, CASE WHEN a.similarStored = true THEN COLLECT {
  MATCH (a)-[s:SHARES_RISKS]->(b:Code) WHERE size(s.sharedRisks) >= $minShared
  WITH s, b ORDER BY s.rank LIMIT $first
  RETURN {code: b {...light-code}, sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.*} }[0]]}
} ELSE [] END AS items
