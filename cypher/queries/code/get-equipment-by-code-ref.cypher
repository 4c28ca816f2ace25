// Equipment nodes of each code (USES_EQUIPMENT), in page order.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[r:USES_EQUIPMENT]->(t:Equipment)
WITH key, r, t ORDER BY r.rank
RETURN key, [x IN collect(t) | x {.*}] AS items
