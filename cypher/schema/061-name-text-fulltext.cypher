// Search by meaning: Lucene over every name of a code that is not its title (titles are
// in code_title_fulltext). Same analyzer as the titles (standard-folding: lower case,
// accents folded, no stemming), so one query string fits both indexes. Both the whole
// text and its core (without nonessential modifiers) are indexed: BM25 on the core keeps
// a short main term ("Pneumonia (acute) (double) ...", core "Pneumonia") ahead of its
// many subterms among the candidates.
CREATE FULLTEXT INDEX name_text_fulltext IF NOT EXISTS
FOR (n:Name) ON EACH [n.text, n.core]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
