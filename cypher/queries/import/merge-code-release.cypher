// A release of one system is (being) loaded: its name, the file it came from and that file's SHA-256.
MERGE (r:CodeRelease {system: $system, name: $name})
SET r.file = $file, r.sha256 = $sha256, r.loadedAt = datetime()
RETURN r.name AS name
