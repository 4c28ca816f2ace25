// Takes the write lock of each code whose lists are about to be recomputed, before the
// reference computation reads the graph: a concurrent import that changes what these lists
// read either commits first (and this transaction, waiting for the lock, then reads its data)
// or waits for this one to commit (and then marks or recomputes them again). Without it, a
// list computed from data read before another import's commit could be stored as current.
// $refs are sorted by the caller, so two imports lock in the same order.
UNWIND $refs AS ref
WITH split(ref, ':') AS p
MATCH (x:Code {system: p[0], codeKey: p[1]})
SET x.listsVersion = coalesce(x.listsVersion, 0) + 1
RETURN count(x) AS locked
