// ICD-10-CM codes that describe each Indication ((:Indication)-[:CODED_AS]->(:Code)), in code order.
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
OPTIONAL MATCH (:Indication {key: key})-[:CODED_AS]->(c:Code)
WITH key, c ORDER BY c.sortKey
RETURN key, [x IN collect(c) | x {...light-code}] AS items
