// Removes the edges an earlier import of this page wrote, and returns the nodes they
// pointed at so that nodes left without any code can be removed afterwards.
MATCH (c:Code {system: $system, codeKey: $codeKey})-[r:HAS_RISK|INDICATED_FOR|PERFORMED_IN|PERFORMED_BY|TARGETS|INVOLVES|USES_EQUIPMENT|HAS_ALTERNATIVE|COVERED_BY|SIMILAR_TO]->(t)
WITH collect(DISTINCT elementId(t)) AS targets, collect(r) AS rels
FOREACH (r IN rels | DELETE r)
RETURN targets
