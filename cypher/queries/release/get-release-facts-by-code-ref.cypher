// What the releases say about each code ("SYSTEM:codeKey"): first and last release (null:
// the system's earliest / latest), earlier states (CodeVersion, oldest first), the
// conversion table's text, the codes it was replaced by and those it replaces
// (REPLACED_BY {release}) as light rows. items is [] when the code is absent.
UNWIND $keys AS key
WITH key, split(key, ':') AS p
OPTIONAL MATCH (code:Code {system: p[0], codeKey: p[1]})
CALL (code) {
  OPTIONAL MATCH (code)-[:HAS_VERSION]->(v:CodeVersion)
  WITH v ORDER BY v.lastRelease
  RETURN collect(v {.firstRelease, .lastRelease, .title, .shortTitle, .billable}) AS versions
}
CALL (code) {
  OPTIONAL MATCH (code)-[r:REPLACED_BY]->(c:Code)
  WITH r, c ORDER BY c.listKey
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {release: r.release, code: c {...light-code}} END) AS replacedBy
}
CALL (code) {
  OPTIONAL MATCH (code)<-[r:REPLACED_BY]-(c:Code)
  WITH r, c ORDER BY c.listKey
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {release: r.release, code: c {...light-code}} END) AS replaces
}
RETURN key, CASE WHEN code IS NULL THEN [] ELSE [{
  firstRelease: code.firstRelease, lastRelease: code.lastRelease, previousAssignment: code.previousAssignment,
  title: code.title, shortTitle: code.shortTitle, billable: code.billable,
  versions: versions, replacedBy: replacedBy, replaces: replaces
}] END AS items
