// One BodyRegion per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT body_region_key IF NOT EXISTS
FOR (n:BodyRegion) REQUIRE n.key IS UNIQUE;
