// codeChanges kind ADDED: codes valid in $toRelease and not in $fromRelease (firstRelease in
// between; only added codes carry one, so the code_first_release index holds just them),
// in code order, with their state in $toRelease; billableOnly counts those billable there.
MATCH (c:Code)
WHERE c.firstRelease > $fromRelease AND c.firstRelease <= $toRelease AND c.system = $system
  AND (c.lastRelease IS NULL OR c.lastRelease >= $toRelease)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_VERSION]->(v:CodeVersion) WHERE v.firstRelease <= $toRelease AND $toRelease <= v.lastRelease
  RETURN head(collect(v)) AS at
}
WITH c, CASE WHEN at IS NULL THEN c ELSE at END AS s
WITH c, {release: $toRelease, title: s.title, shortTitle: s.shortTitle, billable: s.billable} AS after
WHERE NOT $billableOnly OR after.billable
WITH c, after ORDER BY c.listKey
WITH collect({code: c {...light-code}, before: null, after: after}) AS changes
RETURN size(changes) AS total, changes[$skip..$skip + $first] AS page
