// Codes most like each code, best first, with the reasons (README "Similar codes"), read
// from the stored SCORED_SIMILAR edges the import writes (import/store-code-lists): the top
// 100 (MAX_PAGE_SIZE) by the formula of code/reference/compute-similar-codes-by-code-ref,
// in its order (rank). `stored` is false for a code whose lists were never computed (no page
// import touched it): the loader then runs the reference computation for it.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (a:Code {system: p[0], codeKey: p[1]})
RETURN key, a IS NULL OR a.similarStored = true AS stored, CASE WHEN a.similarStored = true THEN COLLECT {
  MATCH (a)-[s:SCORED_SIMILAR]->(b:Code) WITH s, b ORDER BY s.rank LIMIT $first
  RETURN {
    code: b {...light-code}, score: s.score, listed: s.listed, hierarchyDistance: s.hierarchyDistance,
    sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.*} }[0]],
    sharedBodyRegions: [k IN s.sharedBodyRegions | COLLECT { MATCH (r:BodyRegion {key: k}) RETURN r {.*} }[0]],
    sharedPersonnel: [k IN s.sharedPersonnel | COLLECT { MATCH (r:PersonnelRole {key: k}) RETURN r {.*} }[0]],
    sharedSettings: [k IN s.sharedSettings | COLLECT { MATCH (r:Setting {key: k}) RETURN r {.*} }[0]]
  }
} ELSE [] END AS items
