// The parent of each code in the code hierarchy ((child)-[:PARENT]->(parent)).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[:PARENT]->(parent:Code)
RETURN key, [x IN collect(parent) | x {.*}] AS items
