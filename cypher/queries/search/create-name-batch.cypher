// One batch of names (src/ingest/names), each linked to its code, which must exist (a
// name of a code absent from the loaded releases is dropped; the caller counts them).
// CREATE, not MERGE: a load first removes the names of an earlier, unfinished load
// (delete-names-batch), so it stays idempotent without a lookup per row.
UNWIND $rows AS x
MATCH (c:Code {system: x.system, codeKey: x.codeKey})
USING INDEX c:Code(system, codeKey)
CREATE (n:Name {key: x.key, text: x.text, core: x.core, kind: x.kind, source: x.source, main: x.main,
                depth: x.depth, prefix: x.prefix, see: x.see, system: x.system})-[:NAME_OF]->(c)
RETURN count(*) AS linked
