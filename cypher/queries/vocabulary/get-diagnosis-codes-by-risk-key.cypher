// ICD-10-CM codes that describe each Risk ((:Risk)-[:CODED_AS]->(:Code)), in code order.
UNWIND $keys AS key
OPTIONAL MATCH (:Risk {key: key})-[:CODED_AS]->(c:Code)
WITH key, c ORDER BY c.sortKey
RETURN key, [x IN collect(c) | x {.*}] AS items
