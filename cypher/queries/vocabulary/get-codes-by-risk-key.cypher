// A page of the codes linked to each Risk (HAS_RISK), optionally only with $frequency, in code order, with the total.
// The page is a top-k sort (ORDER BY ... LIMIT), not a sort of the whole list.
// Codes in lists are light rows (no page text; `light: true`): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
OPTIONAL MATCH (t:Risk {key: key})
CALL (t) {
  OPTIONAL MATCH (t)<-[r:HAS_RISK]-(c:Code)
  WHERE $frequency IS NULL OR r.frequency = $frequency
  RETURN count(DISTINCT c) AS total
}
CALL (t) {
  OPTIONAL MATCH (t)<-[r:HAS_RISK]-(c:Code)
  WHERE $frequency IS NULL OR r.frequency = $frequency
  WITH DISTINCT c WHERE c IS NOT NULL
  ORDER BY c.system, c.sortKey
  SKIP $skip LIMIT $first
  RETURN collect(c {.system, .codeKey, .code, .title, .shortTitle, .billable, .active, .level, .hasPage, .commonName, .addedDate, .terminationDate, light: true}) AS page
}
RETURN key, [{total: total, page: page}] AS items
