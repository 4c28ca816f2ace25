// Drops the (system, sortKey) index earlier versions created. No query seeks on it (lists
// are ordered after a relationship or code-key seek), and during a bulk load, with the
// planner's statistics still those of an empty database, a plan could take it for the
// (system, codeKey) lookup of MERGE: a prefix seek on system that reads every code of the
// system for each row. Twice a start-up load stalled for 120 s right after Neo4j re-planned
// the load's statements on fresh statistics (debug.log: "Discarded stale query"); this is
// the index such a plan could misuse. Without it the only Code indexes are the
// (system, codeKey) constraint and codeKey, both point lookups.
DROP INDEX code_system_sort IF EXISTS;
