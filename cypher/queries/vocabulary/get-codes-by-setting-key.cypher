// A page of the codes linked to each Setting (PERFORMED_IN), in code order, with the total.
// The page is a top-k sort (ORDER BY ... LIMIT), not a sort of the whole list; the total
// is the term's degree (one PERFORMED_IN per code and term).
// A hub term (more than $hubDegree codes: a risk or role on very many pages) is not
// sorted whole: its page walks the codes in list order (the code_list_key index) and keeps
// those linked to it; sorting the 705,081 codes of one risk of the 1M benchmark graph to
// show 20 took ~0.9 s. Below the threshold (every term of the shipped data) they are sorted.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
OPTIONAL MATCH (t:Setting {key: key})
WITH key, t, CASE WHEN t IS NULL THEN 0 ELSE COUNT { (t)<-[:PERFORMED_IN]-() } END AS degree
CALL (t, degree) {
  CALL (t, degree) {
    WITH t WHERE degree <= $hubDegree
    MATCH (t)<-[:PERFORMED_IN]-(c:Code)
    WITH DISTINCT c ORDER BY c.system, c.sortKey
    SKIP $skip LIMIT $first
    RETURN c
    UNION ALL
    // The walk sits in its own subquery so that the degree test runs before it.
    WITH t WHERE degree > $hubDegree
    CALL (t) {
      MATCH (c:Code) WHERE c.listKey >= '' AND EXISTS { (c)-[:PERFORMED_IN]->(t) }
      WITH c ORDER BY c.listKey
      SKIP $skip LIMIT $first
      RETURN c
    }
    RETURN c
  }
  WITH c ORDER BY c.system, c.sortKey
  RETURN collect(c {...light-code}) AS page
}
RETURN key, [{total: degree, page: page}] AS items
