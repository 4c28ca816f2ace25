// Listing a system in code order (pagination of hierarchy children, region browsers).
CREATE RANGE INDEX code_system_sort IF NOT EXISTS
FOR (c:Code) ON (c.system, c.sortKey);
