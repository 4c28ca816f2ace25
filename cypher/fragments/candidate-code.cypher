// What the search ranking reads of a candidate code `c`, as a list (no key names to send):
// [...candidate-code]; src/modules/search/search.repository.ts (toCandidateCode) reads it in this order.
c.system, c.codeKey, c.title, c.shortTitle, c.billable, c.level, c.commonName
