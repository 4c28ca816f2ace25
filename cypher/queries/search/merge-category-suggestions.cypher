// Short ICD-10-CM category titles (at most four words: "Acute appendicitis", "Essential
// (primary) hypertension") as autocomplete terms, counted by the codes under them.
MATCH (c:Code {system: 'ICD10CM', level: 'category'})
WHERE size(split(c.title, ' ')) <= 4
WITH c, COUNT { (c)<-[:PARENT*1..4]-(:Code) } + 1 AS codes
MERGE (s:Suggestion {key: toLower(c.title)})
SET s.text = coalesce(s.text, c.title), s.source = coalesce(s.source, c.release),
    s.codes = CASE WHEN s.codes IS NULL OR codes > s.codes THEN codes ELSE s.codes END
RETURN count(*) AS merged
