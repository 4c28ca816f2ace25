// A page of the codes linked to each Risk (HAS_RISK), optionally only with $frequency, in code order, with the total.
UNWIND $keys AS key
OPTIONAL MATCH (t:Risk {key: key})
CALL (t) {
  OPTIONAL MATCH (t)<-[r:HAS_RISK]-(c:Code)
  WHERE $frequency IS NULL OR r.frequency = $frequency
  WITH DISTINCT c ORDER BY c.system, c.sortKey
  WITH collect(c) AS matched
  RETURN size(matched) AS total, [x IN matched[$skip..($skip + $first)] | x {.*}] AS page
}
RETURN key, [{total: total, page: page}] AS items
