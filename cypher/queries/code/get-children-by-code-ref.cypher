// Direct children of each code, in code order.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})<-[:PARENT]-(child:Code)
WITH key, child ORDER BY child.sortKey
RETURN key, [x IN collect(child) | x {.*}] AS items
