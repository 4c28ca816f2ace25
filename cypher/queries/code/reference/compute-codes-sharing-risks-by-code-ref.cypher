// REFERENCE computation (the formula). Reads do not run it for codes whose lists are stored
// (`similarStored`): the import runs it when a page changes (import/store-code-lists), the
// recompute command (npm run recompute:similarity) for every page code, and a test checks
// stored == computed. Also read directly for codes never touched by a page import.
// Codes sharing at least $minShared risks with each code, most shared first, then code order.
// Bounded on hubs: a risk on more than 2,000 codes (a risk such as "Bleeding" can be on most
// pages; reading all of them made one code cost seconds on a 1M-code graph) proposes no
// codes, since any 2,000 of them would be an arbitrary, plan-dependent pick; it still counts
// in the shared risks of the codes other risks propose. Risks on fewer codes (all of them in
// the shipped data) are read whole; the 500 codes met most often are then scored exactly
// against all the code's risks.
// Shared risks are in the other code's page order; ties at the 500 cut go to code order
// (the lists are stored by the import and must not depend on storage order).
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (a:Code {system: p[0], codeKey: p[1]})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  WITH a, [(a)-[:HAS_RISK]->(r:Risk) | r] AS aRisks
  UNWIND aRisks AS r
  WITH a, aRisks, r WHERE COUNT { (r)<-[:HAS_RISK]-() } <= 2000
  CALL (a, r) {
    MATCH (r)<-[:HAS_RISK]-(b:Code)
    WHERE b <> a
    RETURN b
  }
  WITH aRisks, b, count(r) AS seen ORDER BY seen DESC, b.system, b.sortKey LIMIT 500
  WITH b, COLLECT { MATCH (b)-[s:HAS_RISK]->(x) WHERE x IN aRisks RETURN x ORDER BY s.rank } AS shared
  WHERE size(shared) >= $minShared
  WITH b, shared ORDER BY size(shared) DESC, b.system, b.sortKey LIMIT $first
  RETURN collect({code: b {...light-code}, sharedRisks: [r IN shared | r {.*}]}) AS items
}
RETURN key, coalesce(items, []) AS items
