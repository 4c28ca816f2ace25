// One PersonnelRole per key (a stable slug from the vocabulary or the normalised page text).
CREATE CONSTRAINT personnel_role_key IF NOT EXISTS
FOR (n:PersonnelRole) REQUIRE n.key IS UNIQUE;
