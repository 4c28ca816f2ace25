import { CodeSystem } from '../../domain/code-system';
import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { toCodeModel } from '../code/code.mapper';
import type { CodeModel } from '../code/code.type';
import type { SearchPlan } from './lucene-query';

const SEARCH = cypherQuery('search/search-codes');

/** Largest number of candidates each text tier takes from Lucene (best Lucene score first). */
export const SEARCH_CANDIDATE_CAP = 1000;
/**
 * The cap when a system or billable filter is set. The filters run after Lucene, so
 * with the plain cap a common word ("knee": 2,400 titles) filled every slot with
 * codes of other systems and `systems: [CPT]` found nothing although a CPT title holds
 * the word. Lucene returns even 40,000 matches in well under a second.
 */
export const FILTERED_SEARCH_CANDIDATE_CAP = 50_000;

/** Position of a hit in the ranking; the cursor encodes it. */
export interface SearchKey {
  tier: number;
  b: number;
  s: number;
  k: string;
}

export interface SearchHit extends SearchKey {
  code: CodeModel;
  lucene: number;
}

export interface SearchResult {
  total: number;
  bySystem: { system: CodeSystem; count: number }[];
  hits: SearchHit[];
}

export interface SearchFilters {
  systems: CodeSystem[] | null;
  billableOnly: boolean;
  includeInactive: boolean;
}

/** Runs one search page: `limit` hits after `after` (null for the first page). One query. */
export async function searchCodes(db: Database, plan: SearchPlan, filters: SearchFilters, after: SearchKey | null, limit: number): Promise<SearchResult> {
  const [row] = await db.read<{ total: number; bySystem: { system: CodeSystem; count: number }[]; page: (SearchKey & { code: Record<string, unknown>; lucene: number })[] }>(
    SEARCH,
    {
      codeKey: plan.codeKey,
      phrase: plan.phrase,
      codeSystems: plan.codeSystems,
      allWords: plan.allWords,
      allFuzzy: plan.allFuzzy,
      anyWord: plan.anyWord,
      cap: filters.systems !== null || filters.billableOnly ? FILTERED_SEARCH_CANDIDATE_CAP : SEARCH_CANDIDATE_CAP,
      systems: filters.systems,
      billableOnly: filters.billableOnly,
      includeInactive: filters.includeInactive,
      afterTier: after?.tier ?? null,
      afterB: after?.b ?? null,
      afterS: after?.s ?? null,
      afterK: after?.k ?? null,
      limit,
    },
  );
  if (!row) return { total: 0, bySystem: [], hits: [] };
  return {
    total: row.total,
    bySystem: row.bySystem,
    hits: row.page.map((p) => ({ tier: p.tier, b: p.b, s: p.s, k: p.k, lucene: p.lucene, code: toCodeModel(p.code) })),
  };
}
