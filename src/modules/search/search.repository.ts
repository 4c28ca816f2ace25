import { CodeSystem } from '../../domain/code-system';
import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { codeRef } from '../common/global-id';
import type { CandidateCode, CandidateName, MatchedNameKind } from './ranking';

const SEARCH = cypherQuery('search/search-codes');
const LIGHT_CODES = cypherQuery('search/get-light-codes-by-ref');
const SEVENTH = cypherQuery('search/get-seventh-character-codes');

/** Codes with a 7th character read under each lifted code (S72.00 has 48). */
export const SEVENTH_CODES_PER_PARENT = 200;

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
/** Matched names read per code by best Lucene score. */
export const NAMES_PER_CODE = 6;
/**
 * Of those, how many are instead the shortest of the code's other matched names. Lucene
 * scores highest the long names that hold the words of several query variants at once
 * ("Cold > with influenza, flu, or grippe" for "flu"), which the ranking scores low; the
 * short names it scores high ("Flu", see also Influenza: J11.1) must reach it too.
 */
export const SHORTEST_NAMES_PER_CODE = 2;

/** One candidate code: what the ranking reads of it, its best tier and its matched names. */
export interface CandidateRow {
  code: CandidateCode;
  /** "SYSTEM:codeKey" (codeRef). */
  ref: string;
  sortKey: string | null;
  tier: number;
  names: CandidateName[];
}

/** A row as search-codes.cypher returns it: lists, in the order its header gives. */
interface RawCandidateRow {
  code: [unknown, unknown, unknown, unknown, unknown, unknown, unknown];
  sortKey: string | null;
  tier: number;
  names: [string, string | null, string, string | null, boolean, number, string | null, string | null, number][];
}

function toCandidateCode(raw: RawCandidateRow['code']): CandidateCode {
  const [system, codeKey, title, shortTitle, billable, level, commonName] = raw;
  return {
    system: String(system),
    codeKey: String(codeKey),
    title: typeof title === 'string' ? title : '',
    shortTitle: typeof shortTitle === 'string' ? shortTitle : null,
    commonName: typeof commonName === 'string' ? commonName : null,
    billable: billable !== false,
    level: typeof level === 'string' ? level : null,
  };
}

function toCandidateRow(r: RawCandidateRow): CandidateRow {
  const code = toCandidateCode(r.code);
  const names = r.names.map(([text, core, kind, source, main, depth, see, prefix, lucene]): CandidateName => ({
    text,
    core: core ?? text,
    kind: kind as MatchedNameKind,
    source,
    main,
    depth,
    see,
    prefix,
    lucene,
  }));
  return { code, ref: codeRef(code.system, code.codeKey), sortKey: r.sortKey, tier: r.tier, names };
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
  const rows = await db.read<RawCandidateRow>(SEARCH, {
    ...q,
    cap: filtered ? FILTERED_SEARCH_CANDIDATE_CAP : SEARCH_CANDIDATE_CAP,
    anyCap: filtered ? FILTERED_SEARCH_CANDIDATE_CAP : ANY_WORD_CAP,
    keep: SEARCH_KEEP,
    perPrefix: CODES_PER_PREFIX,
    namesByScore: NAMES_PER_CODE - SHORTEST_NAMES_PER_CODE,
    namesShortest: SHORTEST_NAMES_PER_CODE,
    systems: filters.systems,
    billableOnly: filters.billableOnly,
    includeInactive: filters.includeInactive,
    release: filters.release,
  });
  return rows.map(toCandidateRow);
}

/** The light rows (code.mapper.ts reads them) of the codes with these refs, by ref; an absent code is left out. */
export async function findLightCodes(db: Database, refs: string[]): Promise<Map<string, Record<string, unknown>>> {
  if (refs.length === 0) return new Map();
  const rows = await db.read<{ ref: string; code: Record<string, unknown> }>(LIGHT_CODES, { refs });
  return new Map(rows.map((r) => [r.ref, r.code]));
}

/**
 * The ICD-10-CM codes with a 7th character under each of `parents` (code keys), by parent,
 * as candidate rows without names (search/get-seventh-character-codes.cypher); filtered as the search is.
 */
export async function findSeventhCharacterCodes(db: Database, parents: string[], filters: SearchFilters): Promise<Map<string, CandidateRow[]>> {
  const out = new Map<string, CandidateRow[]>();
  if (parents.length === 0 || (filters.systems !== null && !filters.systems.includes(CodeSystem.ICD10CM))) return out;
  const rows = await db.read<{ parent: string; code: RawCandidateRow['code']; sortKey: string | null }>(SEVENTH, {
    parents,
    perParent: SEVENTH_CODES_PER_PARENT,
    systems: filters.systems,
    billableOnly: filters.billableOnly,
    includeInactive: filters.includeInactive,
    release: filters.release,
  });
  for (const r of rows) {
    const code = toCandidateCode(r.code);
    const list = out.get(r.parent) ?? [];
    list.push({ code, ref: codeRef(code.system, code.codeKey), sortKey: r.sortKey, tier: 2, names: [] });
    out.set(r.parent, list);
  }
  return out;
}
