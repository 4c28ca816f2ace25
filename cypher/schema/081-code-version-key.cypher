// One CodeVersion per (system, codeKey, lastRelease): an earlier state (title, short title,
// billable) of a code, kept when a later release changed it. Loading a release again
// MERGEs the same versions, so a re-run adds none.
CREATE CONSTRAINT code_version_key IF NOT EXISTS
FOR (v:CodeVersion) REQUIRE (v.system, v.codeKey, v.lastRelease) IS UNIQUE;
