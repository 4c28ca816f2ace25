// One Equipment per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT equipment_key IF NOT EXISTS
FOR (n:Equipment) REQUIRE n.key IS UNIQUE;
