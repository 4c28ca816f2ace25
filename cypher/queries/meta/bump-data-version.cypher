// One more data version: every import (a code page, a release file) calls it after it commits.
// The version feeds the ETag of cached reads (src/http/persisted-get.ts); one node for the graph.
MERGE (v:DataVersion {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()
RETURN v.version AS version
