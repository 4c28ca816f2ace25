// Codes added or deleted by a release: only those carry firstRelease / lastRelease (null
// means the system's earliest / latest release), so these indexes hold a few hundred
// entries per release and codeChanges reads them instead of every code.
CREATE RANGE INDEX code_first_release IF NOT EXISTS FOR (c:Code) ON (c.firstRelease);
