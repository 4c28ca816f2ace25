// Autocomplete: terms whose words start with what was typed ($words: Lucene "+w*" per
// word, built and escaped by lucene-query.ts). Terms that start with the whole typed
// text ($prefix, folded) first, then by how many codes they lead to, then shorter.
CALL db.index.fulltext.queryNodes('suggestion_text_fulltext', $words, {limit: 5000}) YIELD node
WITH node, CASE WHEN node.key STARTS WITH $prefix THEN 0 ELSE 1 END AS starts
RETURN node.text AS text, node.codes AS codes
ORDER BY starts, codes DESC, size(node.text), node.key
LIMIT $first
