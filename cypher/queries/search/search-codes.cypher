// Search all medical codes. Candidates come in tiers (lower is better):
//   0 exact code ($codeKey), 1 code prefix, 2 title phrase ($phrase: the words in order,
//   each a prefix; one word must start the title), 3 all words (prefix),
//   4 all words (prefix or typo-tolerant), 5 any word.
// A code keeps its best tier. Filters, then counts over every match, then one page
// ordered by tier, billable first, system, code order; $after* is the keyset cursor.
// $allWords, $allFuzzy, $anyWord are Lucene queries built and escaped by
// src/modules/search/lucene-query.ts (null when not applicable).
// Codes in lists are light rows (no page text; `light: true`): page fields are loaded on demand (CodeResolver).
CALL () {
  WITH $codeKey AS k WHERE k IS NOT NULL
  MATCH (c:Code {codeKey: k})
  WHERE $codeSystems IS NULL OR c.system IN $codeSystems
  RETURN c, 0 AS tier, 0.0 AS lucene
  UNION ALL
  WITH $codeKey AS k WHERE k IS NOT NULL AND size(k) >= 2
  MATCH (c:Code) WHERE c.codeKey STARTS WITH k AND c.codeKey <> k
    AND ($codeSystems IS NULL OR c.system IN $codeSystems)
  WITH c LIMIT $cap
  RETURN c, 1 AS tier, 0.0 AS lucene
  UNION ALL
  WITH $allWords AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('code_title_fulltext', q, {limit: $cap}) YIELD node, score
  RETURN node AS c, CASE WHEN $phrase IS NOT NULL AND toLower(node.title) =~ $phrase THEN 2 ELSE 3 END AS tier, score AS lucene
  UNION ALL
  WITH $allFuzzy AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('code_title_fulltext', q, {limit: $cap}) YIELD node, score
  RETURN node AS c, 4 AS tier, score AS lucene
  UNION ALL
  WITH $anyWord AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('code_title_fulltext', q, {limit: $cap}) YIELD node, score
  RETURN node AS c, 5 AS tier, score AS lucene
}
WITH c, min(tier) AS tier, max(lucene) AS lucene
WHERE ($systems IS NULL OR c.system IN $systems)
  AND (NOT $billableOnly OR c.billable)
  AND ($includeInactive OR coalesce(c.active, true))
WITH c, tier, lucene,
     CASE WHEN c.billable THEN 0 ELSE 1 END AS b,
     CASE c.system WHEN 'CPT' THEN 0 WHEN 'HCPCS' THEN 1 WHEN 'ICD10CM' THEN 2 ELSE 3 END AS s,
     coalesce(c.sortKey, c.codeKey) AS k
WITH collect({c: c, tier: tier, lucene: lucene, b: b, s: s, k: k}) AS rows
WITH rows, size(rows) AS total,
     [sys IN ['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS'] | {system: sys, count: size([r IN rows WHERE r.c.system = sys])}] AS bySystem
CALL (rows) {
  UNWIND rows AS r
  WITH r
  WHERE $afterTier IS NULL
     OR r.tier > $afterTier
     OR (r.tier = $afterTier AND (r.b > $afterB
     OR (r.b = $afterB AND (r.s > $afterS
     OR (r.s = $afterS AND r.k > $afterK)))))
  WITH r, r.c AS c ORDER BY r.tier, r.b, r.s, r.k
  LIMIT $limit
  RETURN collect({code: c {.system, .codeKey, .code, .title, .shortTitle, .billable, .active, .level, .hasPage, .commonName, .addedDate, .terminationDate, light: true}, tier: r.tier, lucene: r.lucene, b: r.b, s: r.s, k: r.k}) AS page
}
RETURN total, bySystem, page
