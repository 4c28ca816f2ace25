// The graph's data version (0 before the first import).
OPTIONAL MATCH (v:DataVersion {key: 'graph'})
RETURN coalesce(v.version, 0) AS version
