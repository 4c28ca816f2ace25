// How many codes each system holds (empty-database check at start, CLI summaries).
MATCH (c:Code) WHERE NOT coalesce(c.stub, false)
RETURN c.system AS system, count(*) AS count
