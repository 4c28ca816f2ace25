// A page of the codes linked to each BodyRegion (TARGETS), on the region and, when $includeSubRegions, on its sub-regions, in code order, with the total.
// The page is a top-k sort (ORDER BY ... LIMIT), not a sort of the whole list.
// A hub (more than $hubDegree TARGETS on the regions, counted from their degrees) is not
// sorted whole: its page walks the codes in list order (the code_list_key index) and keeps
// those on one of the regions (see get-codes-by-risk-key). Below the threshold (every
// region of the shipped data) the codes are sorted.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
OPTIONAL MATCH (t:BodyRegion {key: key})
WITH key, CASE WHEN t IS NULL THEN []
               WHEN $includeSubRegions THEN COLLECT { MATCH (t)<-[:PART_OF*0..8]-(sub:BodyRegion) RETURN DISTINCT sub }
               ELSE [t] END AS regions
WITH key, regions, reduce(n = 0, d IN [s IN regions | COUNT { (s)<-[:TARGETS]-() }] | n + d) AS degree
CALL (regions) {
  UNWIND regions AS s
  MATCH (s)<-[:TARGETS]-(c:Code)
  RETURN count(DISTINCT c) AS total
}
CALL (regions, degree) {
  CALL (regions, degree) {
    WITH regions WHERE degree <= $hubDegree
    UNWIND regions AS s
    MATCH (s)<-[:TARGETS]-(c:Code)
    WITH DISTINCT c ORDER BY c.system, c.sortKey
    SKIP $skip LIMIT $first
    RETURN c
    UNION ALL
    // The walk sits in its own subquery so that the degree test runs before it.
    WITH regions WHERE degree > $hubDegree
    CALL (regions) {
      MATCH (c:Code) WHERE c.listKey >= '' AND EXISTS { (c)-[:TARGETS]->(s) WHERE s IN regions }
      WITH c ORDER BY c.listKey
      SKIP $skip LIMIT $first
      RETURN c
    }
    RETURN c
  }
  WITH c ORDER BY c.system, c.sortKey
  RETURN collect(c {...light-code}) AS page
}
RETURN key, [{total: total, page: page}] AS items
