// A page of the codes linked to each BodyRegion (TARGETS), on the region and, when $includeSubRegions, on its sub-regions, in code order, with the total.
UNWIND $keys AS key
OPTIONAL MATCH (t:BodyRegion {key: key})
CALL (t) {
  OPTIONAL MATCH (t)<-[:PART_OF*0..8]-(sub:BodyRegion)<-[:TARGETS]-(c:Code)
  WHERE $includeSubRegions OR sub = t
  WITH DISTINCT c ORDER BY c.system, c.sortKey
  WITH collect(c) AS matched
  RETURN size(matched) AS total, [x IN matched[$skip..($skip + $first)] | x {.*}] AS page
}
RETURN key, [{total: total, page: page}] AS items
