// One Risk per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT risk_key IF NOT EXISTS
FOR (n:Risk) REQUIRE n.key IS UNIQUE;
