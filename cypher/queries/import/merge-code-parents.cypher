// Hierarchy edges of one batch: (child)-[:PARENT]->(parent) within one system,
// replacing a different earlier parent. The hints pin both lookups to the
// (system, codeKey) constraint index, whatever the statistics say mid-load.
UNWIND $rows AS x
MATCH (c:Code {system: x.system, codeKey: x.codeKey})
USING INDEX c:Code(system, codeKey)
MATCH (p:Code {system: x.system, codeKey: x.parentKey})
USING INDEX p:Code(system, codeKey)
OPTIONAL MATCH (c)-[old:PARENT]->(other) WHERE other <> p
DELETE old
MERGE (c)-[:PARENT]->(p)
RETURN count(*) AS links
