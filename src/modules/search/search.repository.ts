import { CodeSystem } from '../../domain/code-system';
import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import type { CandidateName } from './ranking';

const SEARCH = cypherQuery('search/search-codes');

/** Largest number of candidates each text source takes from Lucene (best Lucene score first). */
export const SEARCH_CANDIDATE_CAP = 1000;
/**
 * The Lucene limit when a system or billable filter is set. The filters run after Lucene, so
 * with the plain cap a common word ("knee": 2,400 titles) filled every slot with codes of
 * other systems and `systems: [CPT]` found nothing although a CPT title holds the word.
 */
export const FILTERED_SEARCH_CANDIDATE_CAP = 50_000;
/**
 * Rows each text source keeps after the filters (best Lucene score first): what the ranking
 * sees. Every row is decoded and scored per request, so this sets most of the CPU of a
 * search. 250 ranks the public relevance set exactly as 400 did (every query at the same
 * rank, bench/results/real-quick-2026-12-03-searchperf.md); 150 lost "pneumonia" (J18.9 from
 * rank 1 to 9) and "community acquired pneumonia".
 */
export const SEARCH_KEEP = 250;
/** Lucene limit of the any-word source (partial matches, ranked low anyway). */
export const ANY_WORD_CAP = 300;
/** Codes a PCS index term reaches under its table prefix (0DTJ: 0DTJ0ZZ, 0DTJ4ZZ, ...). */
export const CODES_PER_PREFIX = 4;
/** Matched names read per code (best Lucene score first). */
export const NAMES_PER_CODE = 6;

export interface CandidateRow {
  code: Record<string, unknown>;
  sortKey: string | null;
  tier: number;
  titleLucene: number | null;
  names: CandidateName[];
}

export interface SearchFilters {
  systems: CodeSystem[] | null;
  billableOnly: boolean;
  includeInactive: boolean;
  /** ICD-10 codes valid in this release (`FY2025`) instead of the current ones; null: current. */
  release: string | null;
}

export interface CandidateQuery {
  codeKey: string | null;
  codeSystems: string[] | null;
  allWords: string | null;
  anyWord: string | null;
  fuzzy: string | null;
}

/** Reads the candidates of one search (every tier), filtered; one query. */
export async function findCandidates(db: Database, q: CandidateQuery, filters: SearchFilters): Promise<CandidateRow[]> {
  const filtered = filters.systems !== null || filters.billableOnly;
  return db.read<CandidateRow>(SEARCH, {
    ...q,
    cap: filtered ? FILTERED_SEARCH_CANDIDATE_CAP : SEARCH_CANDIDATE_CAP,
    anyCap: filtered ? FILTERED_SEARCH_CANDIDATE_CAP : ANY_WORD_CAP,
    keep: SEARCH_KEEP,
    perPrefix: CODES_PER_PREFIX,
    namesPerCode: NAMES_PER_CODE,
    systems: filters.systems,
    billableOnly: filters.billableOnly,
    includeInactive: filters.includeInactive,
    release: filters.release,
  });
}
