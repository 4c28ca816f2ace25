// The codes whose stored similar / risk-sharing lists can change when this code's page
// changes: the code itself, and every code with stored lists (`similarStored`) for which
// it is a candidate in code/reference/compute-similar-codes-by-code-ref: codes whose page
// lists it (SIMILAR_TO), codes sharing a risk, role, setting or body region with it, codes
// on a region 1-3 levels above one of its regions, and hierarchy siblings. The import runs
// it before and after the page's edges change (old and new terms), in the page's transaction.
// Bound: a term (or region) on more than $hubDegree codes is not followed (a hub such as a
// risk on 705,000 codes of the 1M benchmark graph would make one import rewrite most lists;
// in the reference such a term proposes no candidates, so no list reaches this code through it).
// `terms` is what of this code the lists read (its risks, roles, settings, regions and listed
// codes, with their page order): when it is the same before and after, no list can change.
MATCH (a:Code {system: $system, codeKey: $codeKey})
CALL (a) {
  RETURN a AS x
  UNION
  MATCH (x:Code)-[:SIMILAR_TO]->(a) RETURN x
  UNION
  MATCH (a)-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]->(t)
  WHERE COUNT { (t)<-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]-(:Code) } <= $hubDegree
  MATCH (t)<-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]-(x:Code)
  RETURN x
  UNION
  MATCH (a)-[:TARGETS]->(:BodyRegion)-[:PART_OF*1..3]->(up:BodyRegion)
  WHERE COUNT { (up)<-[:TARGETS]-(:Code) } <= $hubDegree
  MATCH (up)<-[:TARGETS]-(x:Code)
  RETURN x
  UNION
  MATCH (a)-[:PARENT]->(:Code)<-[:PARENT]-(x:Code)
  WHERE x.similarStored = true
  RETURN x
}
WITH a, x WHERE x = a OR x.similarStored = true
WITH a, collect(DISTINCT x.system + ':' + x.codeKey) AS refs
RETURN refs, a.similarStored = true AS stored, COLLECT {
  MATCH (a)-[r:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS|SIMILAR_TO]->(t)
  WITH type(r) + '|' + coalesce(t.key, t.system + ':' + t.codeKey) + '|' + toString(r.rank) AS term
  RETURN term ORDER BY term
} AS terms
