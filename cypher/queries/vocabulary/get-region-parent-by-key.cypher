// The region each body region is part of.
UNWIND $keys AS key
OPTIONAL MATCH (:BodyRegion {key: key})-[:PART_OF]->(parent:BodyRegion)
RETURN key, [x IN collect(parent) | x {.*}] AS items
