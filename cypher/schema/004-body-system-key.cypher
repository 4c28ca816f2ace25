// One BodySystem per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT body_system_key IF NOT EXISTS
FOR (n:BodySystem) REQUIRE n.key IS UNIQUE;
