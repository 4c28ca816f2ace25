// Writes every edge of one page in one statement: vocabulary nodes are MERGEd on their
// key (curated ones exist already; new wording creates an uncurated node), edges carry
// the page order in `rank`. Diagnosis links (CODED_AS) go to ICD-10-CM codes already loaded;
// the icd10cm lists are stored so codes loaded later get linked too (link-diagnosis-codes).
MATCH (c:Code {system: $system, codeKey: $codeKey})
CALL (c) {
  UNWIND $risks AS x
  MERGE (t:Risk {key: x.key})
    ON CREATE SET t.name = x.name, t.curated = false, t.synonyms = [], t.icd10cm = x.icd10cm
  MERGE (c)-[r:HAS_RISK]->(t)
    ON CREATE SET r.frequency = x.frequency, r.text = x.text, r.rank = x.rank
  WITH t, x
  UNWIND x.icd10cm AS dx
  MATCH (d:Code {system: 'ICD10CM', codeKey: replace(dx, '.', '')})
  MERGE (t)-[:CODED_AS]->(d)
}
CALL (c) {
  UNWIND $indications AS x
  MERGE (t:Indication {key: x.key})
    ON CREATE SET t.text = x.text, t.name = x.text, t.curated = false
  SET t.icd10cm = x.icd10cm
  MERGE (c)-[r:INDICATED_FOR]->(t)
    ON CREATE SET r.rank = x.rank
  WITH t, x
  UNWIND x.icd10cm AS dx
  MATCH (d:Code {system: 'ICD10CM', codeKey: replace(dx, '.', '')})
  MERGE (t)-[:CODED_AS]->(d)
}
CALL (c) {
  UNWIND $settings AS x
  MERGE (t:Setting {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false, t.synonyms = []
  MERGE (c)-[r:PERFORMED_IN]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $personnel AS x
  MERGE (t:PersonnelRole {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false, t.synonyms = []
  MERGE (c)-[r:PERFORMED_BY]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $bodyRegions AS x
  MERGE (t:BodyRegion {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false, t.synonyms = []
  MERGE (c)-[r:TARGETS]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $bodySystems AS x
  MERGE (t:BodySystem {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false, t.synonyms = []
  MERGE (c)-[r:INVOLVES]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $equipment AS x
  MERGE (t:Equipment {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false
  MERGE (c)-[r:USES_EQUIPMENT]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $alternatives AS x
  MERGE (t:Alternative {key: x.key}) ON CREATE SET t.name = x.name, t.curated = false
  MERGE (c)-[r:HAS_ALTERNATIVE]->(t) ON CREATE SET r.rank = x.rank, r.description = x.description
  // The code the page names for the alternative: a stub when the graph does not hold it yet,
  // as for Similar Codes, so the link is there when its page or release comes.
  WITH c, t, x WHERE x.codeKey IS NOT NULL
  MERGE (d:Code {system: x.codeSystem, codeKey: x.codeKey})
    ON CREATE SET d.code = x.code, d.title = x.code, d.stub = true, d.hasPage = false,
                  d.billable = true, d.active = true, d.level = 'code', d.sortKey = x.codeKey,
                  d.listKey = x.codeSystem + '|' + x.codeKey
  // An alternative names one code; a page that names another replaces the link (the page
  // read last wins, as for policies), so a corrected page does not leave the old one.
  WITH t, d
  CALL (t, d) {
    MATCH (t)-[old:CODED_AS]->(other:Code) WHERE other <> d
    DELETE old
  }
  MERGE (t)-[:CODED_AS]->(d)
}
CALL (c) {
  UNWIND $policies AS x
  MERGE (t:Policy {key: x.key}) ON CREATE SET t.curated = false
  // The key is the URL: a page that corrects a policy's title or payer updates the node
  // (uncurated policies only; the page read last wins).
  WITH c, t, x
  FOREACH (_ IN CASE WHEN coalesce(t.curated, false) THEN [] ELSE [1] END |
    SET t.title = x.title, t.name = x.title, t.payer = x.payer, t.url = x.url)
  MERGE (c)-[r:COVERED_BY]->(t) ON CREATE SET r.rank = x.rank
}
CALL (c) {
  UNWIND $similarCodes AS x
  MERGE (t:Code {system: x.system, codeKey: x.codeKey})
    ON CREATE SET t.code = x.code, t.title = coalesce(x.title, x.code), t.stub = true, t.hasPage = false,
                  t.billable = true, t.active = true, t.level = 'code', t.sortKey = x.codeKey,
                  t.listKey = x.system + '|' + x.codeKey
  WITH c, t, x WHERE t <> c
  MERGE (c)-[r:SIMILAR_TO]->(t) ON CREATE SET r.rank = x.rank
}
RETURN c.codeKey AS codeKey
