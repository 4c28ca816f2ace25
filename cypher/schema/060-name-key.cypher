// One Name per entry of a names file (src/ingest/names: index terms, inclusion terms,
// PCS index terms); the key is file + line, so reloading a file MERGEs the same nodes.
CREATE CONSTRAINT name_key IF NOT EXISTS
FOR (n:Name) REQUIRE n.key IS UNIQUE;
