// Autocomplete terms of the names files and synonyms, one per folded text (deduplicated
// by the caller, keeping the largest code count). Created after delete-names-batch.
UNWIND $rows AS x
CREATE (s:Suggestion {key: x.key, text: x.text, codes: x.codes, source: x.source})
RETURN count(*) AS created
