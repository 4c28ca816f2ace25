// The releases of one system loaded into the graph, oldest first.
MATCH (r:CodeRelease {system: $system})
RETURN r.name AS name, r.file AS file, r.sha256 AS sha256
ORDER BY r.name
