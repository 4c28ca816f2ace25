// Gives listKey (050) to codes stored before it existed; matches nothing afterwards, since
// every write that sets sortKey sets listKey too (merge-code-rows, upsert-page-code,
// link-page-terms). Data, not schema, but it must run before the lists rely on it.
MATCH (c:Code) WHERE c.listKey IS NULL AND c.sortKey IS NOT NULL
SET c.listKey = c.system + '|' + c.sortKey;
