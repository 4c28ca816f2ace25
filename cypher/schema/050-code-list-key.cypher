// Code order of lists as one indexed string: listKey = system + '|' + sortKey sorts exactly
// as (system, sortKey). The lists of codes on a vocabulary term (Risk.codes, ...) read a
// hub term (one on very many pages) by walking this index in order and keeping the codes
// linked to the term, instead of sorting all its codes (README "Lists on hub terms").
// A single-property index on a property MERGE never matches on, so a load's MERGE on
// (system, codeKey) cannot be planned onto it (see 022-drop-code-system-sort).
CREATE INDEX code_list_key IF NOT EXISTS FOR (c:Code) ON (c.listKey);
