// Conversion-table edges: the old code was replaced by the new one in $release
// (REPLACED_BY {release}); both codes must be stored.
UNWIND $pairs AS x
MATCH (old:Code {system: $system, codeKey: x.oldKey})
MATCH (new:Code {system: $system, codeKey: x.newKey})
MERGE (old)-[r:REPLACED_BY {release: x.release}]->(new)
RETURN count(r) AS edges
