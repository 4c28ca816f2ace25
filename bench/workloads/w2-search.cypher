// W2 floor: the simplest hand-written search: code-key prefix (index seek) plus one
// fulltext query (same Lucene query string as the other contenders), best 20.
CALL () {
  WITH $codeKey AS k WHERE k IS NOT NULL
  MATCH (c:Code) WHERE c.codeKey STARTS WITH k
  WITH c ORDER BY c.codeKey LIMIT 20
  RETURN c, 100.0 AS score
  UNION ALL
  WITH $lucene AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('code_title_fulltext', q, {limit: 20}) YIELD node, score
  RETURN node AS c, score
}
WITH c, max(score) AS score
ORDER BY score DESC LIMIT 20
RETURN collect(c {.system, .code, .title, .billable, score: score}) AS hits
