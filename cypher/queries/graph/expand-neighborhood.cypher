// One breadth-first step of a neighbourhood: the relationships of the frontier nodes
// (by element id) and the node at the other end, at most $edgeLimit rows.
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m)
RETURN elementId(startNode(r)) AS source, elementId(endNode(r)) AS target, type(r) AS type,
       elementId(m) AS eid, labels(m)[0] AS label, m.key AS key, m.system AS system, m.codeKey AS codeKey,
       coalesce(m.name, m.title, m.text, m.code) AS name, m.code AS code
LIMIT $edgeLimit
