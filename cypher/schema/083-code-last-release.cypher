// See 082: codes deleted by a release carry lastRelease, the last release they are valid in.
CREATE RANGE INDEX code_last_release IF NOT EXISTS FOR (c:Code) ON (c.lastRelease);
