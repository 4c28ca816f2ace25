// Autocomplete: word-prefix lookups over suggestion texts ("myoc" -> "myocardial infarction").
CREATE FULLTEXT INDEX suggestion_text_fulltext IF NOT EXISTS
FOR (s:Suggestion) ON EACH [s.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
