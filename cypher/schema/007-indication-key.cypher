// One Indication per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT indication_key IF NOT EXISTS
FOR (n:Indication) REQUIRE n.key IS UNIQUE;
