// Codes sharing at least $minShared risks with each code, most shared first, then code order.
// Codes in lists are light rows (no page text; `light: true`): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (a:Code {system: p[0], codeKey: p[1]})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  MATCH (a)-[:HAS_RISK]->(r:Risk)<-[:HAS_RISK]-(b:Code)
  WHERE b <> a
  WITH b, collect(DISTINCT r) AS shared
  WHERE size(shared) >= $minShared
  WITH b, shared ORDER BY size(shared) DESC, b.system, b.sortKey LIMIT $first
  RETURN collect({code: b {.system, .codeKey, .code, .title, .shortTitle, .billable, .active, .level, .hasPage, .commonName, .addedDate, .terminationDate, light: true}, sharedRisks: [r IN shared | r {.*}]}) AS items
}
RETURN key, coalesce(items, []) AS items
