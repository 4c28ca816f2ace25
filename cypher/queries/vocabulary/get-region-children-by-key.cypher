// Direct sub-regions of each body region, by name.
UNWIND $keys AS key
OPTIONAL MATCH (:BodyRegion {key: key})<-[:PART_OF]-(child:BodyRegion)
WITH key, child ORDER BY child.name
RETURN key, [x IN collect(child) | x {.*}] AS items
