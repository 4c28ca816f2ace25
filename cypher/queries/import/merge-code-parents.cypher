// Hierarchy edges of one batch: (child)-[:PARENT]->(parent) within one system,
// replacing a different earlier parent.
UNWIND $rows AS x
MATCH (c:Code {system: x.system, codeKey: x.codeKey})
MATCH (p:Code {system: x.system, codeKey: x.parentKey})
OPTIONAL MATCH (c)-[old:PARENT]->(other) WHERE other <> p
DELETE old
MERGE (c)-[:PARENT]->(p)
RETURN count(*) AS links
