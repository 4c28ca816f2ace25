// One SeedState per part of the shipped data ("codesets", "pages"): start-up seeding
// marks a part as started before loading it and as done after, so a load cut short
// (killed, timed out) is finished at the next start instead of being taken for complete.
CREATE CONSTRAINT seed_state_part IF NOT EXISTS
FOR (s:SeedState) REQUIRE s.part IS UNIQUE;
