// Codes only in an older release than the ones stored (loaded oldest first, below them):
// kept as inactive nodes valid up to $release, with that release's facts, placed in code
// order after the code they followed there, linked to their parent. Page sections are
// left alone. Parents come before children in the batch, so a parent that is itself
// only in the older release exists by the time its child links to it.
UNWIND $rows AS x
MERGE (c:Code {system: x.system, codeKey: x.codeKey})
SET c.code = x.code, c.title = x.title, c.shortTitle = x.shortTitle, c.billable = x.billable,
    c.active = false, c.level = x.level, c.sortKey = x.sortKey, c.listKey = x.system + '|' + x.sortKey,
    c.lastRelease = $release, c.releaseFile = $file, c.stub = false, c.hasPage = coalesce(c.hasPage, false)
WITH c, x
CALL (c, x) {
  MATCH (p:Code {system: x.system, codeKey: x.parentKey})
  MERGE (c)-[:PARENT]->(p)
}
RETURN count(*) AS codes
