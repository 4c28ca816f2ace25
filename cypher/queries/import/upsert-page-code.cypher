// Creates or updates the Code a page describes and returns whether it had a page before.
// Release-file facts (title, shortTitle, billable, level, sortKey) are kept when the code
// set loaded them: the official title stays the title, the page's own is kept as
// pageTitle, and officialTitleKept says when they differ (the importer warns).
// Page sections replace what an earlier import wrote.
MERGE (c:Code {system: $code.system, codeKey: $code.codeKey})
WITH c, coalesce(c.hasPage, false) AS hadPage, c.release IS NOT NULL AS released, c.title AS officialTitle
SET c += $code,
    c.title = CASE WHEN released THEN officialTitle ELSE $code.title END,
    c.pageTitle = $code.title,
    c.hasPage = true,
    c.stub = false,
    c.billable = coalesce(c.billable, true),
    c.active = coalesce(c.active, true),
    c.level = coalesce(c.level, 'code'),
    c.sortKey = coalesce(c.sortKey, $code.codeKey),
    c.listKey = $code.system + '|' + coalesce(c.sortKey, $code.codeKey),
    c.importedAt = datetime()
RETURN hadPage, released AND officialTitle <> $code.title AS officialTitleKept, officialTitle
