// One Setting per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT setting_key IF NOT EXISTS
FOR (n:Setting) REQUIRE n.key IS UNIQUE;
