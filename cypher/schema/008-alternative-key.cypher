// One Alternative per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT alternative_key IF NOT EXISTS
FOR (n:Alternative) REQUIRE n.key IS UNIQUE;
