// How many codes have an imported page (start-up seeding imports the shipped pages when none has).
MATCH (c:Code) WHERE c.hasPage = true
RETURN count(c) AS pages
