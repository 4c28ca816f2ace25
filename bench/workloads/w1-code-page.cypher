// W1 floor: the whole code page of examples/operations/code-page.graphql in ONE query:
// page sections, every related list in page order, ancestors, the similar codes and codes
// sharing at least 2 risks the import stored (SCORED_SIMILAR, SHARES_RISKS: the same
// precomputed data our API reads; @neo4j/graphql cannot precompute and computes nothing).
MATCH (c:Code {system: $system, codeKey: $codeKey})
CALL (c) {
  MATCH (c)-[s:SCORED_SIMILAR]->(b:Code) WITH s, b ORDER BY s.rank LIMIT 10
  RETURN collect({code: b {.system, .code, .title}, score: s.score, listed: s.listed,
                  sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.name} }[0]],
                  sharedBodyRegions: [k IN s.sharedBodyRegions | COLLECT { MATCH (r:BodyRegion {key: k}) RETURN r {.name} }[0]]}) AS similarCodes
}
CALL (c) {
  MATCH (c)-[s:SHARES_RISKS]->(b:Code) WHERE size(s.sharedRisks) >= 2
  WITH s, b ORDER BY s.rank LIMIT 10
  RETURN collect({code: b {.system, .code, .title}, sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.name} }[0]]}) AS codesSharingRisks
}
RETURN c {
  .system, .code, .title, .commonName, .fullName, .billable, .summary, .purpose,
  .preparation, .steps, .riskManagement, .benefits, .recovery, .patientExperience,
  duration: {text: c.durationText, minMinutes: c.durationMinMinutes, maxMinutes: c.durationMaxMinutes},
  indications: COLLECT {
    MATCH (c)-[r:INDICATED_FOR]->(i:Indication) WITH r, i ORDER BY r.rank
    RETURN i {.key, .text, diagnosisCodes: [(i)-[:CODED_AS]->(d:Code) | d {.system, .code, .title}]}
  },
  equipment: COLLECT { MATCH (c)-[r:USES_EQUIPMENT]->(e:Equipment) WITH r, e ORDER BY r.rank RETURN e {.name} },
  settings: COLLECT { MATCH (c)-[r:PERFORMED_IN]->(s:Setting) WITH r, s ORDER BY r.rank RETURN s {.key, .name} },
  personnel: COLLECT { MATCH (c)-[r:PERFORMED_BY]->(p:PersonnelRole) WITH r, p ORDER BY r.rank RETURN p {.key, .name} },
  risks: COLLECT {
    MATCH (c)-[r:HAS_RISK]->(k:Risk) WITH r, k ORDER BY r.rank
    RETURN {frequency: r.frequency, text: r.text,
            risk: k {.key, .name, diagnosisCodes: [(k)-[:CODED_AS]->(d:Code) | d {.system, .code, .title}]}}
  },
  alternatives: COLLECT {
    MATCH (c)-[r:HAS_ALTERNATIVE]->(a:Alternative) WITH r, a ORDER BY r.rank
    RETURN {name: a.name, description: r.description, code: [(a)-[:CODED_AS]->(x:Code) | x {.system, .code, .title}][0]}
  },
  bodyRegions: COLLECT {
    MATCH (c)-[r:TARGETS]->(b:BodyRegion) WITH r, b ORDER BY r.rank
    RETURN b {.key, .name, parent: [(b)-[:PART_OF]->(p:BodyRegion) | p {.name}][0]}
  },
  bodySystems: COLLECT { MATCH (c)-[r:INVOLVES]->(s:BodySystem) WITH r, s ORDER BY r.rank RETURN s {.name} },
  policies: COLLECT { MATCH (c)-[r:COVERED_BY]->(p:Policy) WITH r, p ORDER BY r.rank RETURN p {.key, .title, .payer, .url} },
  parent: [(c)-[:PARENT]->(p:Code) | p {.system, .code, .title}][0],
  ancestors: COLLECT {
    MATCH path = (c)-[:PARENT*1..12]->(a:Code) WITH a, length(path) AS d ORDER BY d DESC
    RETURN a {.system, .code, .title}
  },
  similarCodes: similarCodes,
  codesSharingRisks: codesSharingRisks
} AS page
