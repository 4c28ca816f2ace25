// Whether a part of the shipped data ("codesets", "pages") began loading and whether it finished.
// No row when start-up seeding never touched that part.
MATCH (s:SeedState {part: $part})
RETURN s.startedAt AS startedAt, s.doneAt AS doneAt, s.release AS release
