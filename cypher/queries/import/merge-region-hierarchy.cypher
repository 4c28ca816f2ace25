// The body-region tree: (child)-[:PART_OF]->(parent), replacing an earlier parent.
UNWIND $links AS x
MATCH (c:BodyRegion {key: x.child}), (p:BodyRegion {key: x.parent})
OPTIONAL MATCH (c)-[old:PART_OF]->(other) WHERE other <> p
DELETE old
MERGE (c)-[:PART_OF]->(p)
RETURN count(*) AS links
