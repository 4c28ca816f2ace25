// Curated vocabulary (seeds/vocabulary) of one kind: $label picks the branch, so the
// label never comes from a string. Existing nodes take the curated name and synonyms.
CALL () {
  WITH $label AS l WHERE l = 'Risk'
  UNWIND $terms AS x MERGE (t:Risk {key: x.key}) SET t.name = x.name, t.synonyms = x.synonyms, t.icd10cm = x.icd10cm, t.curated = true
  RETURN count(*) AS n
  UNION ALL
  WITH $label AS l WHERE l = 'BodyRegion'
  UNWIND $terms AS x MERGE (t:BodyRegion {key: x.key}) SET t.name = x.name, t.synonyms = x.synonyms, t.curated = true
  RETURN count(*) AS n
  UNION ALL
  WITH $label AS l WHERE l = 'BodySystem'
  UNWIND $terms AS x MERGE (t:BodySystem {key: x.key}) SET t.name = x.name, t.synonyms = x.synonyms, t.curated = true
  RETURN count(*) AS n
  UNION ALL
  WITH $label AS l WHERE l = 'PersonnelRole'
  UNWIND $terms AS x MERGE (t:PersonnelRole {key: x.key}) SET t.name = x.name, t.synonyms = x.synonyms, t.curated = true
  RETURN count(*) AS n
  UNION ALL
  WITH $label AS l WHERE l = 'Setting'
  UNWIND $terms AS x MERGE (t:Setting {key: x.key}) SET t.name = x.name, t.synonyms = x.synonyms, t.curated = true
  RETURN count(*) AS n
}
RETURN sum(n) AS merged
