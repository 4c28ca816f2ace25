// Direct children of each code, in code order.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})<-[:PARENT]-(child:Code)
WITH key, child ORDER BY child.sortKey
RETURN key, [x IN collect(child) | x {...light-code}] AS items
