// Search by meaning: Lucene over every name of a code that is not its title (titles are
// in code_title_fulltext). Same analyzer as the titles (standard-folding: lower case,
// accents folded, no stemming), so one query string fits both indexes.
CREATE FULLTEXT INDEX name_text_fulltext IF NOT EXISTS
FOR (n:Name) ON EACH [n.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
