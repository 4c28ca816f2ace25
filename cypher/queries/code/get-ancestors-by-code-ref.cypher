// Ancestors of each code, root first.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH path = (:Code {system: p[0], codeKey: p[1]})-[:PARENT*1..12]->(a:Code)
WITH key, a, length(path) AS d ORDER BY d DESC
RETURN key, [x IN collect(a) | x {.*}] AS items
