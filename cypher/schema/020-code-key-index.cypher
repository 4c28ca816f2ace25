// Code lookups and code-prefix search across systems (codeKey STARTS WITH $prefix).
CREATE RANGE INDEX code_key IF NOT EXISTS
FOR (c:Code) ON (c.codeKey);
