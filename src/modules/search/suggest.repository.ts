import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';

const SUGGEST = cypherQuery('search/suggest-terms');

/** Autocomplete terms for a Lucene word-prefix query (lucene-query.ts planSuggest); one query. */
export async function suggestTerms(db: Database, words: string, prefix: string, first: number): Promise<{ text: string; codes: number }[]> {
  const rows = await db.read<{ text: string; codes: number | null }>(SUGGEST, { words, prefix, first });
  return rows.map((r) => ({ text: r.text, codes: r.codes ?? 0 }));
}
