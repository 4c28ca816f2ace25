/** The `matchedName` of a search hit, every field, as the search tests select it. */
export interface MatchedName {
  text: string;
  kind: string;
  source: string | null;
  highlight: string;
  see: string | null;
  prefix: string | null;
  synonym: { term: string; expansion: string; kind: string } | null;
}

/** A `search` edge as the search tests select it (search.int and search-meaning.int add what they select beyond it). */
export interface SearchEdge {
  score: number;
  matchedBy: string;
  highlight: string | null;
  matchedName: MatchedName | null;
  node: { system: string; code: string; title: string; billable: boolean };
}
