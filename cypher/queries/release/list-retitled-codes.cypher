// codeChanges kind RETITLED: codes valid in both releases whose long title differs between
// them. Only codes with an earlier state (CodeVersion) can differ, so those are the
// candidates; billableOnly counts codes billable in $toRelease.
MATCH (v:CodeVersion)
WHERE v.system = $system AND v.lastRelease >= $fromRelease AND v.firstRelease < $toRelease
MATCH (c:Code {system: $system, codeKey: v.codeKey})
WITH DISTINCT c
WHERE (c.firstRelease IS NULL OR c.firstRelease <= $fromRelease) AND (c.lastRelease IS NULL OR c.lastRelease >= $toRelease)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_VERSION]->(a:CodeVersion) WHERE a.firstRelease <= $fromRelease AND $fromRelease <= a.lastRelease
  RETURN head(collect(a)) AS atFrom
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_VERSION]->(b:CodeVersion) WHERE b.firstRelease <= $toRelease AND $toRelease <= b.lastRelease
  RETURN head(collect(b)) AS atTo
}
WITH c, CASE WHEN atFrom IS NULL THEN c ELSE atFrom END AS f, CASE WHEN atTo IS NULL THEN c ELSE atTo END AS t
WITH c, {release: $fromRelease, title: f.title, shortTitle: f.shortTitle, billable: f.billable} AS before,
     {release: $toRelease, title: t.title, shortTitle: t.shortTitle, billable: t.billable} AS after
WHERE before.title <> after.title AND (NOT $billableOnly OR after.billable)
WITH c, before, after ORDER BY c.listKey
WITH collect({code: c {...light-code}, before: before, after: after}) AS changes
RETURN size(changes) AS total, changes[$skip..$skip + $first] AS page
