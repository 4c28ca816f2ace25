// The search filters on a code `c`: its system ($systems, null for all), billable only, and active
// now, or for ICD-10 in $release (FY2025) unless $includeInactive. Spread as a WHERE condition:
// `WHERE ...search-filter` (search-codes.cypher in each branch, get-seventh-character-codes.cypher).
($systems IS NULL OR c.system IN $systems) AND (NOT $billableOnly OR c.billable) AND ($includeInactive OR CASE WHEN $release IS NULL OR NOT c.system IN ['ICD10CM', 'ICD10PCS'] THEN coalesce(c.active, true) ELSE coalesce(c.firstRelease, '') <= $release AND coalesce(c.lastRelease, 'FY9999') >= $release END)
