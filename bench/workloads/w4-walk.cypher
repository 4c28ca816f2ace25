// W4 floor: code -> risks (page order) -> 20 codes with each risk (code order, with the total)
// -> their body regions, in one query. Same plan choice as our get-codes-by-risk-key: a risk
// on more than 20,000 codes walks the code_list_key index in order instead of sorting them.
MATCH (c:Code {system: $system, codeKey: $codeKey})
RETURN c {
  .system, .code, .title,
  risks: COLLECT {
    MATCH (c)-[r:HAS_RISK]->(k:Risk)
    WITH r, k, COUNT { (k)<-[:HAS_RISK]-() } AS degree
    ORDER BY r.rank
    RETURN {
      frequency: r.frequency,
      risk: k {
        .name,
        totalCount: degree,
        codes: CASE WHEN degree <= 20000
          THEN COLLECT {
            MATCH (k)<-[:HAS_RISK]-(x:Code)
            WITH x ORDER BY x.system, x.sortKey LIMIT 20
            RETURN x {.system, .code, .title, bodyRegions: [(x)-[:TARGETS]->(b:BodyRegion) | b {.name}]}
          }
          ELSE COLLECT {
            MATCH (x:Code) WHERE x.listKey >= '' AND EXISTS { (x)-[:HAS_RISK]->(k) }
            WITH x ORDER BY x.listKey LIMIT 20
            RETURN x {.system, .code, .title, bodyRegions: [(x)-[:TARGETS]->(b:BodyRegion) | b {.name}]}
          }
        END
      }
    }
  }
} AS walk
