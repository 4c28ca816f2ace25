// Everything a code page links to, for each code, in one round trip: risks (with frequency
// and the page's wording), indications, settings, personnel, body regions, body systems,
// equipment, policies, alternatives (with their code), all in page order, and the parent.
// One query instead of one per relationship: the benchmark showed a page's dozen
// concurrent queries, not their size, saturating a 2-core machine (bench/README.md).
// $fields names the relationships the request asked for; the others are not read.
// "risks.diagnosisCodes", "indications.diagnosisCodes", "bodyRegions.parent" and
// "alternatives.code" read the next level too, when the request asks for it (the
// loader primes the loaders of that level with it: one round trip instead of two).
// Codes in lists are light rows (cypher/fragments/light-code.cypher): page fields are loaded on demand (CodeResolver).
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (c:Code {system: p[0], codeKey: p[1]})
RETURN key, CASE WHEN c IS NULL THEN [] ELSE [{
  risks: CASE WHEN 'risks' IN $fields THEN COLLECT {
    MATCH (c)-[r:HAS_RISK]->(t:Risk) WITH r, t ORDER BY r.rank
    RETURN {term: t {.*}, frequency: r.frequency, text: r.text,
            diagnosisCodes: CASE WHEN 'risks.diagnosisCodes' IN $fields THEN COLLECT { MATCH (t)-[:CODED_AS]->(d:Code) WITH d ORDER BY d.sortKey RETURN d {...light-code} } ELSE null END}
  } ELSE [] END,
  indications: CASE WHEN 'indications' IN $fields THEN COLLECT {
    MATCH (c)-[r:INDICATED_FOR]->(t:Indication) WITH r, t ORDER BY r.rank
    RETURN t {.*, diagnosisCodes: CASE WHEN 'indications.diagnosisCodes' IN $fields THEN COLLECT { MATCH (t)-[:CODED_AS]->(d:Code) WITH d ORDER BY d.sortKey RETURN d {...light-code} } ELSE null END}
  } ELSE [] END,
  settings: CASE WHEN 'settings' IN $fields THEN COLLECT { MATCH (c)-[r:PERFORMED_IN]->(t:Setting) WITH r, t ORDER BY r.rank RETURN t {.*} } ELSE [] END,
  personnel: CASE WHEN 'personnel' IN $fields THEN COLLECT { MATCH (c)-[r:PERFORMED_BY]->(t:PersonnelRole) WITH r, t ORDER BY r.rank RETURN t {.*} } ELSE [] END,
  bodyRegions: CASE WHEN 'bodyRegions' IN $fields THEN COLLECT {
    MATCH (c)-[r:TARGETS]->(t:BodyRegion) WITH r, t ORDER BY r.rank
    RETURN t {.*, parentRegions: CASE WHEN 'bodyRegions.parent' IN $fields THEN COLLECT { MATCH (t)-[:PART_OF]->(up:BodyRegion) RETURN up {.*} } ELSE null END}
  } ELSE [] END,
  bodySystems: CASE WHEN 'bodySystems' IN $fields THEN COLLECT { MATCH (c)-[r:INVOLVES]->(t:BodySystem) WITH r, t ORDER BY r.rank RETURN t {.*} } ELSE [] END,
  equipment: CASE WHEN 'equipment' IN $fields THEN COLLECT { MATCH (c)-[r:USES_EQUIPMENT]->(t:Equipment) WITH r, t ORDER BY r.rank RETURN t {.*} } ELSE [] END,
  policies: CASE WHEN 'policies' IN $fields THEN COLLECT { MATCH (c)-[r:COVERED_BY]->(t:Policy) WITH r, t ORDER BY r.rank RETURN t {.*} } ELSE [] END,
  alternatives: CASE WHEN 'alternatives' IN $fields THEN COLLECT {
    MATCH (c)-[r:HAS_ALTERNATIVE]->(t:Alternative)
    // One code per alternative (link-page-terms keeps one; [0] guards data from before that).
    WITH r, t, COLLECT { MATCH (t)-[:CODED_AS]->(x:Code) RETURN x ORDER BY x.system, x.codeKey }[0] AS ac
    ORDER BY r.rank
    RETURN {key: t.key, name: t.name, description: r.description, codeRef: CASE WHEN ac IS NULL THEN null ELSE ac.system + ':' + ac.codeKey END,
            code: CASE WHEN 'alternatives.code' IN $fields AND ac IS NOT NULL THEN ac {.*} ELSE null END}
  } ELSE [] END,
  parent: CASE WHEN 'parent' IN $fields THEN COLLECT { MATCH (c)-[:PARENT]->(x:Code) RETURN x {...light-code} } ELSE [] END
}] END AS items
