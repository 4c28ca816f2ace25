// A page of the codes linked to each Policy (COVERED_BY), in code order, with the total.
// The page is a top-k sort (ORDER BY ... LIMIT), not a sort of the whole list.
// Codes in lists are light rows (no page text; `light: true`): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
OPTIONAL MATCH (t:Policy {key: key})
CALL (t) {
  OPTIONAL MATCH (t)<-[:COVERED_BY]-(c:Code)
  
  RETURN count(DISTINCT c) AS total
}
CALL (t) {
  OPTIONAL MATCH (t)<-[:COVERED_BY]-(c:Code)
  
  WITH DISTINCT c WHERE c IS NOT NULL
  ORDER BY c.system, c.sortKey
  SKIP $skip LIMIT $first
  RETURN collect(c {.system, .codeKey, .code, .title, .shortTitle, .billable, .active, .level, .hasPage, .commonName, .addedDate, .terminationDate, light: true}) AS page
}
RETURN key, [{total: total, page: page}] AS items
