// Creates or updates the Code a page describes and returns whether it had a page before.
// Release-file facts (shortTitle, billable, level, sortKey) are kept when the code set
// loaded them; page sections replace what an earlier import wrote.
MERGE (c:Code {system: $code.system, codeKey: $code.codeKey})
WITH c, coalesce(c.hasPage, false) AS hadPage
SET c += $code,
    c.hasPage = true,
    c.stub = false,
    c.billable = coalesce(c.billable, true),
    c.active = coalesce(c.active, true),
    c.level = coalesce(c.level, 'code'),
    c.sortKey = coalesce(c.sortKey, $code.codeKey),
    c.importedAt = datetime()
RETURN hadPage
