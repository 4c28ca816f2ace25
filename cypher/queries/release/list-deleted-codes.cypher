// codeChanges kind DELETED: codes valid in $fromRelease and not in $toRelease (lastRelease in
// between; only deleted codes carry one: the code_last_release index), in code order, with
// their state in $fromRelease; billableOnly counts those billable there.
MATCH (c:Code)
WHERE c.lastRelease >= $fromRelease AND c.lastRelease < $toRelease AND c.system = $system
  AND (c.firstRelease IS NULL OR c.firstRelease <= $fromRelease)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_VERSION]->(v:CodeVersion) WHERE v.firstRelease <= $fromRelease AND $fromRelease <= v.lastRelease
  RETURN head(collect(v)) AS at
}
WITH c, CASE WHEN at IS NULL THEN c ELSE at END AS s
WITH c, {release: $fromRelease, title: s.title, shortTitle: s.shortTitle, billable: s.billable} AS before
WHERE NOT $billableOnly OR before.billable
WITH c, before ORDER BY c.listKey
WITH collect({code: c {...light-code}, before: before, after: null}) AS changes
RETURN size(changes) AS total, changes[$skip..$skip + $first] AS page
