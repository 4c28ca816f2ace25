// The loaded releases of each system in $keys (CodeRelease names, oldest first); [] for a
// system without releases (HCPCS, CPT).
UNWIND $keys AS key
OPTIONAL MATCH (r:CodeRelease {system: key})
WITH key, r ORDER BY r.name
RETURN key, collect(r.name) AS items
