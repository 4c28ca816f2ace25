// W1 floor: the whole code page of examples/operations/code-page.graphql in ONE query:
// page sections, every related list in page order, ancestors, the similar-codes score of
// cypher/queries/code/get-similar-codes-by-code-ref.cypher (same candidates and formula)
// and codes sharing at least 2 risks.
MATCH (c:Code {system: $system, codeKey: $codeKey})
CALL (c) {
  CALL (c) {
    MATCH (c)-[s:SIMILAR_TO]->(b:Code)
    RETURN b, 1000000 - coalesce(s.rank, 0) AS strength
    UNION
    MATCH (c)-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]->(t)
    CALL (c, t) {
      MATCH (t)<-[:HAS_RISK|PERFORMED_BY|PERFORMED_IN|TARGETS]-(b:Code)
      WHERE b <> c
      RETURN b LIMIT 2000
    }
    WITH b, count(t) AS strength ORDER BY strength DESC LIMIT 300
    RETURN b, strength
    UNION
    MATCH (c)-[:TARGETS]->(:BodyRegion)<-[:PART_OF*1..3]-(:BodyRegion)<-[:TARGETS]-(b:Code)
    WHERE b <> c
    WITH DISTINCT b LIMIT 100
    RETURN b, 1 AS strength
    UNION
    MATCH (c)-[:PARENT]->(:Code)<-[:PARENT]-(b:Code)
    WHERE b <> c
    WITH b ORDER BY abs(b.seq - c.seq) LIMIT 20
    RETURN b, 0 AS strength
  }
  WITH b, max(strength) AS strength
  ORDER BY strength DESC LIMIT 400
  WITH b,
       EXISTS { (c)-[:SIMILAR_TO]->(b) } AS listed,
       [(c)-[:HAS_RISK]->(x) | x] AS aRisks, [(b)-[:HAS_RISK]->(x) | x] AS bRisks,
       [(c)-[:PERFORMED_BY]->(x) | x] AS aRoles, [(b)-[:PERFORMED_BY]->(x) | x] AS bRoles,
       [(c)-[:PERFORMED_IN]->(x) | x] AS aSettings, [(b)-[:PERFORMED_IN]->(x) | x] AS bSettings,
       COLLECT { MATCH (c)-[:TARGETS]->(:BodyRegion)-[:PART_OF*0..6]->(x) RETURN DISTINCT x } AS aRegions,
       COLLECT { MATCH (b)-[:TARGETS]->(:BodyRegion)-[:PART_OF*0..6]->(x) RETURN DISTINCT x } AS bRegions,
       CASE
         WHEN EXISTS { (c)-[:PARENT]-(b) } OR EXISTS { (c)-[:PARENT]->(:Code)<-[:PARENT]-(b) } THEN 1.0
         WHEN EXISTS { (c)-[:PARENT]->(:Code)-[:PARENT]->(:Code)<-[:PARENT]-(:Code)<-[:PARENT]-(b) } THEN 0.5
         ELSE 0.0
       END AS h
  WITH b, listed, h,
       [k IN aRisks WHERE k IN bRisks] AS sRisks, size(aRisks) + size([k IN bRisks WHERE NOT k IN aRisks]) AS uRisks,
       [k IN aRegions WHERE k IN bRegions] AS sRegions, size(aRegions) + size([k IN bRegions WHERE NOT k IN aRegions]) AS uRegions,
       size([k IN aRoles WHERE k IN bRoles]) AS sRoles, size(aRoles) + size([k IN bRoles WHERE NOT k IN aRoles]) AS uRoles,
       size([k IN aSettings WHERE k IN bSettings]) AS sSettings, size(aSettings) + size([k IN bSettings WHERE NOT k IN aSettings]) AS uSettings
  WITH b, listed, sRisks, sRegions,
       0.40 * CASE uRisks WHEN 0 THEN 0.0 ELSE toFloat(size(sRisks)) / uRisks END
     + 0.25 * CASE uRegions WHEN 0 THEN 0.0 ELSE toFloat(size(sRegions)) / uRegions END
     + 0.15 * CASE uRoles WHEN 0 THEN 0.0 ELSE toFloat(sRoles) / uRoles END
     + 0.10 * CASE uSettings WHEN 0 THEN 0.0 ELSE toFloat(sSettings) / uSettings END
     + 0.10 * h AS score
  WHERE listed OR score > 0
  OPTIONAL MATCH (c)-[ls:SIMILAR_TO]->(b)
  WITH b, listed, score, sRisks, sRegions, coalesce(ls.rank, 0) AS listRank
  ORDER BY listed DESC, listRank, score DESC, b.system, b.sortKey
  LIMIT 10
  RETURN collect({code: b {.system, .code, .title}, score: round(score, 4), listed: listed,
                  sharedRisks: [r IN sRisks | r {.name}], sharedBodyRegions: [r IN sRegions | r {.name}]}) AS similarCodes
}
CALL (c) {
  WITH c, [(c)-[:HAS_RISK]->(r:Risk) | r] AS aRisks
  UNWIND aRisks AS r
  CALL (c, r) {
    MATCH (r)<-[:HAS_RISK]-(b:Code)
    WHERE b <> c
    RETURN b LIMIT 2000
  }
  WITH aRisks, b, count(r) AS seen ORDER BY seen DESC LIMIT 500
  WITH b, [(b)-[:HAS_RISK]->(x) WHERE x IN aRisks | x] AS shared
  WHERE size(shared) >= 2
  WITH b, shared ORDER BY size(shared) DESC, b.system, b.sortKey LIMIT 10
  RETURN collect({code: b {.system, .code, .title}, sharedRisks: [r IN shared | r {.name}]}) AS codesSharingRisks
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
