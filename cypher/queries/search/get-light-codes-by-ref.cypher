// The light rows of one page of search hits, by ref ("SYSTEM:codeKey"): search-codes.cypher
// returns only what the ranking reads for each of its hundreds of candidates, and the few
// codes of the page returned are read here, by the (system, codeKey) constraint.
UNWIND $refs AS ref
WITH ref, split(ref, ':') AS p
MATCH (c:Code {system: p[0], codeKey: p[1]})
RETURN ref, c {...light-code} AS code
