// W3 floor: similar codes (with shared risks and body regions) and codes sharing at least
// 1 risk (20), in ONE query, from the lists the import stored (SCORED_SIMILAR, SHARES_RISKS),
// the same precomputed data our API reads.
MATCH (c:Code {system: $system, codeKey: $codeKey})
CALL (c) {
  MATCH (c)-[s:SCORED_SIMILAR]->(b:Code) WITH s, b ORDER BY s.rank LIMIT 10
  RETURN collect({code: b {.system, .code, .title}, score: s.score, listed: s.listed,
                  sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.name} }[0]],
                  sharedBodyRegions: [k IN s.sharedBodyRegions | COLLECT { MATCH (r:BodyRegion {key: k}) RETURN r {.name} }[0]]}) AS similarCodes
}
CALL (c) {
  MATCH (c)-[s:SHARES_RISKS]->(b:Code) WHERE size(s.sharedRisks) >= 1
  WITH s, b ORDER BY s.rank LIMIT 20
  RETURN collect({code: b {.system, .code, .title}, sharedRisks: [k IN s.sharedRisks | COLLECT { MATCH (r:Risk {key: k}) RETURN r {.name} }[0]]}) AS codesSharingRisks
}
RETURN c {.system, .code, .title, similarCodes: similarCodes, codesSharingRisks: codesSharingRisks} AS result
