// Marks the stored lists of these codes as out of date (`similarStored = false`): reads then
// compute those codes' lists with the reference Cypher (exact, slower) until a recompute
// stores them again. Used by a batch import (the lists are recomputed once, after its last
// page) and by a single import for the affected codes beyond its immediate bound.
UNWIND $refs AS ref
WITH split(ref, ':') AS p
MATCH (x:Code {system: p[0], codeKey: p[1]})
SET x.similarStored = false
RETURN count(x) AS marked
