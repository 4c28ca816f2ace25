// A page of the codes linked to each PersonnelRole (PERFORMED_BY), in code order, with the total.
UNWIND $keys AS key
OPTIONAL MATCH (t:PersonnelRole {key: key})
CALL (t) {
  OPTIONAL MATCH (t)<-[:PERFORMED_BY]-(c:Code)
  
  WITH DISTINCT c ORDER BY c.system, c.sortKey
  WITH collect(c) AS matched
  RETURN size(matched) AS total, [x IN matched[$skip..($skip + $first)] | x {.*}] AS page
}
RETURN key, [{total: total, page: page}] AS items
