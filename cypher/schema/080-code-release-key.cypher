// One CodeRelease per (system, name): the releases of a yearly code set loaded into the
// graph (ICD10CM FY2025, FY2026, ...). Codes name releases by these names (firstRelease,
// lastRelease, CodeVersion); README "Releases".
CREATE CONSTRAINT code_release_key IF NOT EXISTS
FOR (r:CodeRelease) REQUIRE (r.system, r.name) IS UNIQUE;
