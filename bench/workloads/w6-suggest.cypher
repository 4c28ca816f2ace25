// W6 autocomplete, the floor: the same index read as cypher/queries/search/suggest-terms.cypher
// ($words: "+w*" per typed word, $prefix: the folded text, both from lucene-query.ts planSuggest).
CALL db.index.fulltext.queryNodes('suggestion_text_fulltext', $words, {limit: 5000}) YIELD node
WITH node, CASE WHEN node.key STARTS WITH $prefix THEN 0 ELSE 1 END AS starts
RETURN node.text AS text, node.codes AS codes
ORDER BY starts, codes DESC, size(node.text), node.key
LIMIT 10
