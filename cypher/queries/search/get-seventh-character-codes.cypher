// The ICD-10-CM codes with a 7th character under each of $parents (code keys without a dot:
// S7200 -> S72001A, S72001B, ...), at most $perParent each, filtered as the search is; for a
// query that names an encounter (src/modules/search/seventh-character.ts). Rows as
// search-codes.cypher returns its codes: [system, codeKey, title, shortTitle, billable, level, commonName].
UNWIND $parents AS p
CALL (p) {
  MATCH (c:Code {system: 'ICD10CM'})
  WHERE c.codeKey STARTS WITH p AND size(c.codeKey) = 7
    AND (NOT $billableOnly OR c.billable) AND ($includeInactive OR CASE WHEN $release IS NULL THEN coalesce(c.active, true) ELSE coalesce(c.firstRelease, '') <= $release AND coalesce(c.lastRelease, 'FY9999') >= $release END)
  RETURN c ORDER BY c.codeKey LIMIT $perParent
}
RETURN p AS parent, [c.system, c.codeKey, c.title, c.shortTitle, c.billable, c.level, c.commonName] AS code, c.sortKey AS sortKey
