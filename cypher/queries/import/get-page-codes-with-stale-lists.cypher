// Codes with a page whose similar / risk-sharing lists are not stored or marked stale
// (mark-code-lists-stale), in code order: what recomputeStaleCodeLists recomputes.
MATCH (c:Code) WHERE c.hasPage = true AND coalesce(c.similarStored, false) = false
WITH c ORDER BY c.system, c.sortKey
RETURN collect(c.system + ':' + c.codeKey) AS refs
