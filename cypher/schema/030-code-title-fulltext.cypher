// Search all medical codes: Lucene over titles and everyday names.
// Analyzer standard-folding: standard tokenizer, lower case, ASCII folding (so
// "anesthésie" finds "anesthesie"); no stemming, so prefix (dizz*) and fuzzy
// (dizzyness~) terms compare against the words as written. Stop words are kept
// in the index and dropped from queries by src/modules/search/lucene-query.ts.
CREATE FULLTEXT INDEX code_title_fulltext IF NOT EXISTS
FOR (c:Code) ON EACH [c.title, c.shortTitle, c.commonName]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
