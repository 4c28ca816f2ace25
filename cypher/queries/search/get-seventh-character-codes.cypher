// The ICD-10-CM codes with a 7th character under each of $parents (code keys without a dot:
// S7200 -> S72001A, S72001B, ...), at most $perParent each, filtered as the search is; for a
// query that names an encounter (src/modules/search/seventh-character.ts). Rows as
// search-codes.cypher returns its codes ([...candidate-code]).
UNWIND $parents AS p
CALL (p) {
  MATCH (c:Code {system: 'ICD10CM'})
  WHERE c.codeKey STARTS WITH p AND size(c.codeKey) = 7
    AND ...search-filter
  RETURN c ORDER BY c.codeKey LIMIT $perParent
}
RETURN p AS parent, [...candidate-code] AS code, c.sortKey AS sortKey
