// Body regions that are part of no other region, by name.
MATCH (r:BodyRegion)
WHERE NOT (r)-[:PART_OF]->(:BodyRegion)
RETURN r {.*} AS region
ORDER BY r.name
