// Start-up seeding is about to load a part of the shipped data: recorded before the load,
// so an interrupted load is visible at the next start (doneAt cleared).
MERGE (s:SeedState {part: $part})
SET s.startedAt = datetime(), s.doneAt = null, s.release = $release
