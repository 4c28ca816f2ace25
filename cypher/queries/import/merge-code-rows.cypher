// One batch of release-file rows (src/ingest/codesets): MERGE on (system, codeKey),
// facts of the release replace earlier ones; page sections are left alone. x.firstRelease is
// set only on codes new in a release loaded with import:release (null keeps what is stored).
UNWIND $rows AS x
MERGE (c:Code {system: x.system, codeKey: x.codeKey})
SET c.code = x.code, c.title = x.title, c.shortTitle = x.shortTitle, c.billable = x.billable,
    c.active = x.active, c.level = x.level, c.seq = x.seq, c.sortKey = x.sortKey, c.listKey = x.system + '|' + x.sortKey,
    c.addedDate = x.addedDate, c.terminationDate = x.terminationDate, c.actionCode = x.actionCode,
    c.release = $release, c.firstRelease = coalesce(c.firstRelease, x.firstRelease), c.stub = false, c.hasPage = coalesce(c.hasPage, false)
RETURN count(*) AS rows
