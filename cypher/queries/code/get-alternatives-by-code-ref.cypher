// Alternatives of each code: name, the page's description, and the alternative's own code when known.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[r:HAS_ALTERNATIVE]->(alt:Alternative)
OPTIONAL MATCH (alt)-[:CODED_AS]->(ac:Code)
WITH key, r, alt, ac ORDER BY r.rank
RETURN key, [x IN collect({key: alt.key, name: alt.name, description: r.description, codeRef: CASE WHEN ac IS NULL THEN null ELSE ac.system + ':' + ac.codeKey END}) WHERE x.key IS NOT NULL] AS items
