// Links risks and indications to the ICD-10-CM codes their vocabulary names, for codes
// loaded after the page or vocabulary (whichever comes first, the link is made).
MATCH (t) WHERE (t:Risk OR t:Indication) AND size(coalesce(t.icd10cm, [])) > 0
UNWIND t.icd10cm AS dx
MATCH (d:Code {system: 'ICD10CM', codeKey: replace(dx, '.', '')})
MERGE (t)-[:CODED_AS]->(d)
RETURN count(*) AS links
