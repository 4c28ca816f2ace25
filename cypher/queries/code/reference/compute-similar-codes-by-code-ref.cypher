// REFERENCE computation (the formula). Reads do not run it for codes whose lists are stored
// (`similarStored`): the import runs it when a page changes (import/store-code-lists), the
// recompute command (npm run recompute:similarity) for every page code, and a test checks
// stored == computed. Also read directly for codes never touched by a page import.
// Codes most like each code, best first, with the reasons (README "Similar codes").
// Candidates: codes its page lists (SIMILAR_TO), codes sharing a risk, role, setting or
// body region (a sub-region counts toward its parent), and hierarchy siblings. A term on
// more than 2,000 codes (a hub: a role, setting or risk on most pages) proposes no
// candidates: it would make one code read hundreds of thousands of rows on a large graph
// (about 6 s per code on the 1M-code benchmark graph), and any 2,000 of its codes would be
// an arbitrary pick that changes with the plan, so a stored list would not equal a later
// recompute. It still counts in the scores of the candidates other terms propose. Terms on
// fewer codes (all of them in the shipped data) are read whole: the answer depends only on
// the graph, never on storage order or batch size.
// score = 0.40*J(risks) + 0.25*J(regions with their ancestors) + 0.15*J(personnel)
//       + 0.10*J(settings) + 0.10*H, J = |A and B| / |A or B| (0 when both empty),
// H = 1 for parent, child or sibling, 0.5 for cousins, else 0.
// Listed codes come first (in page order), then by score, then code order. Shared terms are
// in this code's page order (regions: by the page's region, then nearest ancestor first).
// Ties at the candidate cuts (300, 400, 100 sub-region codes, 20 siblings) go to code order, so the lists do not
// depend on storage order (they are stored by the import and must equal a later recompute).
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (a:Code {system: p[0], codeKey: p[1]})
CALL (a) {
  WITH a WHERE a IS NOT NULL
  // this code's own terms, read once (not once per candidate)
  WITH a,
       COLLECT { MATCH (a)-[r:HAS_RISK]->(x) RETURN x.key ORDER BY r.rank } AS aRisks,
       COLLECT { MATCH (a)-[r:PERFORMED_BY]->(x) RETURN x.key ORDER BY r.rank } AS aRoles,
       COLLECT { MATCH (a)-[r:PERFORMED_IN]->(x) RETURN x.key ORDER BY r.rank } AS aSettings,
       COLLECT { MATCH (a)-[r:TARGETS]->(:BodyRegion)-[p:PART_OF*0..6]->(x) WITH x.key AS k, min(r.rank) AS o, min(size(p)) AS d ORDER BY o, d, k RETURN k } AS aRegions
  CALL (a) {
    MATCH (a)-[s:SIMILAR_TO]->(b:Code)
    RETURN b, 1000000 - coalesce(s.rank, 0) AS strength
    UNION
    MATCH (a)-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]->(t)
    WITH a, t WHERE COUNT { (t)<-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]-() } <= 2000
    CALL (a, t) {
      MATCH (t)<-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]-(b:Code)
      WHERE b <> a
      RETURN b
    }
    WITH b, count(t) AS strength ORDER BY strength DESC, b.system, b.sortKey LIMIT 300
    RETURN b, strength
    UNION
    MATCH (a)-[:TARGETS]->(:BodyRegion)<-[:PART_OF*1..3]-(sub:BodyRegion)
    WITH DISTINCT a, sub WHERE COUNT { (sub)<-[:TARGETS]-() } <= 2000
    CALL (a, sub) {
      MATCH (sub)<-[:TARGETS]-(b:Code)
      WHERE b <> a
      RETURN b
    }
    WITH DISTINCT b ORDER BY b.system, b.sortKey LIMIT 100
    RETURN b, 1 AS strength
    UNION
    MATCH (a)-[:PARENT]->(:Code)<-[:PARENT]-(b:Code)
    WHERE b <> a
    WITH b ORDER BY abs(b.seq - a.seq), b.sortKey LIMIT 20
    RETURN b, 0 AS strength
  }
  WITH a, aRisks, aRoles, aSettings, aRegions, b, max(strength) AS strength
  ORDER BY strength DESC, b.system, b.sortKey LIMIT 400
  WITH a, b, aRisks, aRoles, aSettings, aRegions,
       EXISTS { (a)-[:SIMILAR_TO]->(b) } AS listed,
       [(b)-[:HAS_RISK]->(x) | x.key] AS bRisks,
       [(b)-[:PERFORMED_BY]->(x) | x.key] AS bRoles,
       [(b)-[:PERFORMED_IN]->(x) | x.key] AS bSettings,
       COLLECT { MATCH (b)-[:TARGETS]->(:BodyRegion)-[:PART_OF*0..6]->(x) RETURN DISTINCT x.key } AS bRegions,
       CASE
         WHEN EXISTS { (a)-[:PARENT]-(b) } OR EXISTS { (a)-[:PARENT]->(:Code)<-[:PARENT]-(b) } THEN 1.0
         WHEN EXISTS { (a)-[:PARENT]->(:Code)-[:PARENT]->(:Code)<-[:PARENT]-(:Code)<-[:PARENT]-(b) } THEN 0.5
         ELSE 0.0
       END AS h
  WITH a, b, listed, h, aRegions,
       [k IN aRisks WHERE k IN bRisks] AS sRisks, size(aRisks) + size([k IN bRisks WHERE NOT k IN aRisks]) AS uRisks,
       [k IN aRegions WHERE k IN bRegions] AS sRegions, size(aRegions) + size([k IN bRegions WHERE NOT k IN aRegions]) AS uRegions,
       [k IN aRoles WHERE k IN bRoles] AS sRoles, size(aRoles) + size([k IN bRoles WHERE NOT k IN aRoles]) AS uRoles,
       [k IN aSettings WHERE k IN bSettings] AS sSettings, size(aSettings) + size([k IN bSettings WHERE NOT k IN aSettings]) AS uSettings
  WITH a, b, listed, h, sRisks, sRegions, sRoles, sSettings,
       0.40 * CASE uRisks WHEN 0 THEN 0.0 ELSE toFloat(size(sRisks)) / uRisks END
     + 0.25 * CASE uRegions WHEN 0 THEN 0.0 ELSE toFloat(size(sRegions)) / uRegions END
     + 0.15 * CASE uRoles WHEN 0 THEN 0.0 ELSE toFloat(size(sRoles)) / uRoles END
     + 0.10 * CASE uSettings WHEN 0 THEN 0.0 ELSE toFloat(size(sSettings)) / uSettings END
     + 0.10 * h AS score
  WHERE listed OR score > 0
  OPTIONAL MATCH (a)-[ls:SIMILAR_TO]->(b)
  WITH b, listed, h, score, sRisks, sRegions, sRoles, sSettings, coalesce(ls.rank, 0) AS listRank
  ORDER BY listed DESC, listRank, score DESC, b.system, b.sortKey
  LIMIT $first
  RETURN collect({
    code: b {...light-code}, score: round(score, 4), listed: listed,
    hierarchyDistance: CASE h WHEN 1.0 THEN 1 WHEN 0.5 THEN 2 ELSE null END,
    sharedRisks: [k IN sRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.*} }[0]],
    sharedBodyRegions: [k IN sRegions | COLLECT { MATCH (r:BodyRegion {key: k}) RETURN r {.*} }[0]],
    sharedPersonnel: [k IN sRoles | COLLECT { MATCH (r:PersonnelRole {key: k}) RETURN r {.*} }[0]],
    sharedSettings: [k IN sSettings | COLLECT { MATCH (r:Setting {key: k}) RETURN r {.*} }[0]]
  }) AS items
}
RETURN key, coalesce(items, []) AS items
