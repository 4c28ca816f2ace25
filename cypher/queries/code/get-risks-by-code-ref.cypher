// Risks of each code with their frequency and the page's wording, in page order.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (:Code {system: p[0], codeKey: p[1]})-[r:HAS_RISK]->(risk:Risk)
WITH key, r, risk ORDER BY r.rank
RETURN key, [x IN collect({term: risk {.*}, frequency: r.frequency, text: r.text}) WHERE x.term IS NOT NULL] AS items
