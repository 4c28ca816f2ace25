// One breadth-first step of a neighbourhood: the relationships of the frontier nodes
// (by element id) and the node at the other end, at most $edgeLimit rows.
// The stored lists (SCORED_SIMILAR, SHARES_RISKS: up to 100 each per page code, written by
// the import from the page's own edges) are derived data, not part of the neighbourhood.
UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[r]-(m) WHERE NOT type(r) IN ['SCORED_SIMILAR', 'SHARES_RISKS']
RETURN elementId(startNode(r)) AS source, elementId(endNode(r)) AS target, type(r) AS type,
       elementId(m) AS eid, labels(m)[0] AS label, m.key AS key, m.system AS system, m.codeKey AS codeKey,
       coalesce(m.name, m.title, m.text, m.code) AS name, m.code AS code
LIMIT $edgeLimit
