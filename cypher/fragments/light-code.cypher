// A light code row: what lists of codes return (no page text; `light: true` tells the mapper
// the page fields are loaded on demand by CodeResolver). Written once here; a query spreads it
// inside a map projection as `c {...light-code}` and src/neo4j/cypher-files.ts puts it in at load.
.system, .codeKey, .code, .title, .shortTitle, .billable, .active, .level, .hasPage, .commonName, .addedDate, .terminationDate, light: true
