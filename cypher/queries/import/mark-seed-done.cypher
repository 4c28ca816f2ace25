// Start-up seeding finished loading a part of the shipped data.
MERGE (s:SeedState {part: $part})
SET s.doneAt = datetime(), s.release = $release
