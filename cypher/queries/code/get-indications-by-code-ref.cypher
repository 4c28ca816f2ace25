// Indication nodes of each code (INDICATED_FOR), in page order.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[r:INDICATED_FOR]->(t:Indication)
WITH key, r, t ORDER BY r.rank
RETURN key, [x IN collect(t) | x {.*}] AS items
