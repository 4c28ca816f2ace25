// W4 floor: code -> risks (page order) -> 20 codes with each risk (code order, with the total)
// -> their body regions, in one query.
MATCH (c:Code {system: $system, codeKey: $codeKey})
RETURN c {
  .system, .code, .title,
  risks: COLLECT {
    MATCH (c)-[r:HAS_RISK]->(k:Risk)
    WITH r, k ORDER BY r.rank
    RETURN {
      frequency: r.frequency,
      risk: k {
        .name,
        totalCount: COUNT { (k)<-[:HAS_RISK]-(:Code) },
        codes: COLLECT {
          MATCH (k)<-[:HAS_RISK]-(x:Code)
          WITH x ORDER BY x.system, x.sortKey LIMIT 20
          RETURN x {.system, .code, .title, bodyRegions: [(x)-[:TARGETS]->(b:BodyRegion) | b {.name}]}
        }
      }
    }
  }
} AS walk
