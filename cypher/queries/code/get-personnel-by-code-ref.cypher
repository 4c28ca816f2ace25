// PersonnelRole nodes of each code (PERFORMED_BY), in page order.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[r:PERFORMED_BY]->(t:PersonnelRole)
WITH key, r, t ORDER BY r.rank
RETURN key, [x IN collect(t) | x {.*}] AS items
