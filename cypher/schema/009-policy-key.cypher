// One Policy per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT policy_key IF NOT EXISTS
FOR (n:Policy) REQUIRE n.key IS UNIQUE;
