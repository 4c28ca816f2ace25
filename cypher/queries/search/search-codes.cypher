// Search all medical codes: the candidates and what each matched; the ranking itself is
// src/modules/search/ranking.ts (it needs the words of each matched name).
// Sources (tier: lower is a stronger kind of match):
//   0 exact code ($codeKey), 1 code prefix;
//   2 every word of some query variant ($allWords: the typed words, and the same with a
//     synonym's expansion) on a title (code_title_fulltext) or another name of the code
//     (name_text_fulltext: index terms, inclusion terms, PCS index);
//   3 any word ($anyWord), 4 typo-tolerant words ($fuzzy; the caller sends it only when
//     the exact words found too little).
// A PCS index name that leads to a table prefix (0DTJ) hangs on its table; it reaches the
// first $perPrefix codes under the prefix (codeKey range index), not an edge per code.
// Filters run in each branch before its best $keep rows (by Lucene score; among equal scores,
// which every prefix-only match has, the shorter text, as the ranking prefers) are kept, so a
// systems/billable filter never sees only other systems' rows. Then one row per code with
// its best tier and its matched names: the $namesByScore best by Lucene score, then the
// $namesShortest shortest of the others (the ranking prefers short names; search.repository.ts).
// Rows are lists, not maps (hundreds per search: no key names to write and decode), and carry
// only what the ranking reads: code [system, codeKey, title, shortTitle, billable, level, commonName],
// name [text, core (null when it is the text), kind, source, main, depth, see, prefix, lucene];
// search.repository.ts reads them, and get-light-codes-by-ref.cypher the page's light rows.
// $allWords, $anyWord, $fuzzy are Lucene queries built and escaped by lucene-query.ts.
CALL () {
  WITH $codeKey AS k WHERE k IS NOT NULL
  MATCH (c:Code {codeKey: k})
  WHERE ($codeSystems IS NULL OR c.system IN $codeSystems)
    AND ...search-filter
  RETURN c, 0 AS tier, null AS name, 0.0 AS lucene
  UNION ALL
  WITH $codeKey AS k WHERE k IS NOT NULL AND size(k) >= 2
  MATCH (c:Code) WHERE c.codeKey STARTS WITH k AND c.codeKey <> k
    AND ($codeSystems IS NULL OR c.system IN $codeSystems)
    AND ...search-filter
  WITH c LIMIT $cap
  RETURN c, 1 AS tier, null AS name, 0.0 AS lucene
  UNION ALL
  UNWIND [q IN [[$allWords, 2, $cap], [$anyWord, 3, $anyCap], [$fuzzy, 4, $cap]] WHERE q[0] IS NOT NULL] AS q
  CALL (q) {
    CALL db.index.fulltext.queryNodes('code_title_fulltext', q[0], {limit: q[2]}) YIELD node AS c, score
    WHERE ...search-filter
    WITH c, score ORDER BY score DESC, size(c.title) LIMIT $keep
    RETURN c, null AS name, score AS lucene
    UNION ALL
    CALL db.index.fulltext.queryNodes('name_text_fulltext', q[0], {limit: q[2]}) YIELD node AS n, score
    MATCH (n)-[:NAME_OF]->(t:Code)
    CALL (n, t) {
      WITH n, t WHERE n.prefix IS NULL
      RETURN t AS c
      UNION
      WITH n WHERE n.prefix IS NOT NULL
      MATCH (c:Code) WHERE c.codeKey STARTS WITH n.prefix AND c.system = 'ICD10PCS' AND c.billable
      WITH c ORDER BY c.codeKey LIMIT $perPrefix
      RETURN c
    }
    WITH c, n, score WHERE ...search-filter
    WITH c, n, score ORDER BY score DESC, size(n.text) LIMIT $keep
    RETURN c, [n.text, CASE WHEN n.core = n.text THEN null ELSE n.core END, n.kind, n.source, n.main, n.depth, n.see, n.prefix] AS name, score AS lucene
  }
  RETURN c, q[1] AS tier, name, lucene
}
WITH c, tier, name, lucene ORDER BY lucene DESC
WITH c, min(tier) AS tier, collect(CASE WHEN name IS NOT NULL THEN name + lucene END) AS names
RETURN [...candidate-code] AS code, c.sortKey AS sortKey, tier,
  names[0..$namesByScore] + CASE WHEN size(names) <= $namesByScore THEN [] ELSE COLLECT { UNWIND names[$namesByScore..] AS n WITH n ORDER BY size(toString(coalesce(n[1], n[0]))) RETURN n LIMIT $namesShortest } END AS names
