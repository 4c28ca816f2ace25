// Ancestors of each code, root first.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH path = (:Code {system: p[0], codeKey: p[1]})-[:PARENT*1..12]->(a:Code)
WITH key, a, length(path) AS d ORDER BY d DESC
RETURN key, [x IN collect(a) | x {...light-code}] AS items
