import { CodeSystem } from '../../domain/code-system';
import { loadSynonyms } from '../../ingest/names/synonyms';
import type { Database } from '../../neo4j/database';
import { toCodeModel } from '../code/code.mapper';
import type { CodeModel } from '../code/code.type';
import { planSearch, type QueryVariant, type SearchPlan, type SynonymExpander } from './lucene-query';
import { bestMatch, codePrior, matchWords, queryIntent, type BestMatch, type CandidateName, type NameTokensMemo, type QueryIntent } from './ranking';
import { CandidateRow, findCandidates, findLightCodes, findSeventhCharacterCodes, SearchFilters } from './search.repository';
import { holdsNarrowWords, liftedRelevance, seventhCharacterReading, type SeventhCharacterReading } from './seventh-character';
import { synonymExpander } from './synonym-expansion';

/** Word hits below which the typo-tolerant fallback runs. */
export const FUZZY_FALLBACK_BELOW = 5;
/** ICD-10-CM codes whose best name holds the core words of a 7th-character query, lifted to the codes under them. */
export const SEVENTH_LIFTED_PARENTS = 12;

/** Position of a hit in the ranking; the cursor encodes it. Ascending order. */
export interface SearchKey {
  /** 0 exact code, 1 code prefix, 2 words. */
  tier: number;
  /** Code tiers: 0 billable, 1 not; words: minus the relevance in millionths. */
  b: number;
  /** System order: CPT, HCPCS, ICD-10-CM, ICD-10-PCS. */
  s: number;
  /** Release order within the system. */
  k: string;
}

export type MatchKind = 'EXACT_CODE' | 'CODE_PREFIX' | 'TITLE_PHRASE' | 'ALL_WORDS' | 'FUZZY' | 'ANY_WORD';

export interface SearchHit extends SearchKey {
  code: CodeModel;
  matchedBy: MatchKind;
  /** 0..1 for word hits; 1 for code hits. */
  relevance: number;
  match: BestMatch | null;
}

export interface SearchResult {
  plan: SearchPlan;
  total: number;
  bySystem: { system: CodeSystem; count: number }[];
  hits: SearchHit[];
}

const SYSTEM_ORDER: Record<string, number> = { CPT: 0, HCPCS: 1, ICD10CM: 2, ICD10PCS: 3 };

export function compareKeys(a: SearchKey, b: SearchKey): number {
  return a.tier - b.tier || a.b - b.b || a.s - b.s || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
}

/**
 * The expander of the shipped synonyms, read once when this module loads (shared by every
 * request), so a bad line of seeds/search/synonyms.tsv stops the service at start with
 * its file and line, never a request.
 */
const SHIPPED_EXPANDER: SynonymExpander = synonymExpander(loadSynonyms());
export function shippedExpander(): SynonymExpander {
  return SHIPPED_EXPANDER;
}

/**
 * ICD-10-PCS index names that lead to a table or a table prefix (Replacement, knee >
 * Partial or total -> 0SR; Appendectomy > Resection, Appendix -> 0DTJ), with that prefix.
 * They are names of every candidate code under the prefix too: the index says where to
 * look, the titles of the codes there say which one.
 */
function pcsRoutes(rows: CandidateRow[]): { prefix: string; name: CandidateName }[] {
  const routes = new Map<string, { prefix: string; name: CandidateName }>();
  for (const row of rows) {
    for (const n of row.names ?? []) {
      if (n.kind !== 'PCS_INDEX') continue;
      const prefix = n.prefix ?? (row.code.codeKey.length < 7 ? row.code.codeKey : null);
      if (prefix) routes.set(`${prefix}|${n.text}`, { prefix, name: n });
    }
  }
  return [...routes.values()];
}

/** A ranked hit before its code's light row is read (only the page's hits need one). */
interface RankedHit extends Omit<SearchHit, 'code'> {
  row: CandidateRow;
}

function rank(rows: CandidateRow[], variants: QueryVariant[], typos: boolean): RankedHit[] {
  const intent = queryIntent(variants);
  const hits: RankedHit[] = [];
  const routes = pcsRoutes(rows);
  // one tokenisation per name text for this search (names repeat across variants and codes)
  const memo: NameTokensMemo = new Map();
  for (const row of rows) {
    const code = row.code;
    if (routes.length && code.system === 'ICD10PCS') {
      const key = code.codeKey;
      const title = code.title;
      // a whole table (0SR: hips and knees) applies only where the code's title holds the words too
      const titleHasWords = variants.some((v) => matchWords(v.words, title, title, false, memo).allWords);
      const extra = routes.filter((r) => key.startsWith(r.prefix) && key.length > r.prefix.length && (r.prefix.length > 3 || titleHasWords)).map((r) => r.name);
      if (extra.length) row.names = [...row.names, ...extra];
    }
    const s = SYSTEM_ORDER[code.system] ?? 9;
    const k = String(row.sortKey ?? code.codeKey);
    if (row.tier <= 1) {
      hits.push({ tier: row.tier, b: code.billable ? 0 : 1, s, k, row, matchedBy: row.tier === 0 ? 'EXACT_CODE' : 'CODE_PREFIX', relevance: 1, match: null });
      continue;
    }
    const m = bestMatch(code, row.names, variants, intent, typos, memo);
    if (!m) continue;
    const matchedBy: MatchKind = typos ? 'FUZZY' : m.match.allWords ? (m.match.phrase ? 'TITLE_PHRASE' : 'ALL_WORDS') : 'ANY_WORD';
    hits.push({ tier: 2, b: -Math.round(m.relevance * 1e6), s, k, row, matchedBy, relevance: m.relevance, match: m });
  }
  return hits;
}

/** The hits of both lists, one per code: the more relevant where a code is in both. */
function mergeHits(hits: RankedHit[], more: RankedHit[]): RankedHit[] {
  if (more.length === 0) return hits;
  const byRef = new Map(hits.map((h) => [h.row.ref, h]));
  for (const h of more) {
    const had = byRef.get(h.row.ref);
    if (!had || compareKeys(h, had) < 0) byRef.set(h.row.ref, h);
  }
  return [...byRef.values()];
}

/**
 * For a query that names a 7th character: the ICD-10-CM codes (without one) whose names best
 * hold its core words, lifted to the codes under them whose titles hold its encounter and
 * side words (Fracture, hip -> S72.00 -> S72.001A "... right femur, initial encounter for
 * closed fracture"). A lifted hit keeps the name that matched its parent (seventh-character.ts).
 */
async function liftToSeventhCharacter(
  db: Database,
  rows: CandidateRow[],
  coreVariants: QueryVariant[],
  seventh: SeventhCharacterReading,
  words: string[],
  intent: QueryIntent,
  filters: SearchFilters,
): Promise<RankedHit[]> {
  const memo: NameTokensMemo = new Map();
  const parents: { row: CandidateRow; match: BestMatch }[] = [];
  for (const row of rows) {
    const c = row.code;
    if (c.system !== 'ICD10CM' || c.codeKey.length < 4 || c.codeKey.length >= 7 || row.tier < 2) continue;
    const m = bestMatch(c, row.names, coreVariants, intent, false, memo);
    if (m?.match.allWords) parents.push({ row, match: m });
  }
  parents.sort((a, b) => b.match.relevance - a.match.relevance);
  const top = parents.slice(0, SEVENTH_LIFTED_PARENTS);
  const under = await findSeventhCharacterCodes(
    db,
    top.map((p) => p.row.code.codeKey),
    filters,
  );
  const lifted: RankedHit[] = [];
  for (const p of top) {
    for (const row of under.get(p.row.code.codeKey) ?? []) {
      if (!holdsNarrowWords(row.code.title, seventh.narrow)) continue;
      const relevance = Math.min(0.9999, liftedRelevance(p.match.relevance, row.code.title, words, memo) * codePrior(row.code, intent));
      lifted.push({
        tier: 2,
        b: -Math.round(relevance * 1e6),
        s: SYSTEM_ORDER.ICD10CM!,
        k: String(row.sortKey ?? row.code.codeKey),
        row,
        matchedBy: 'ALL_WORDS',
        relevance,
        match: { ...p.match, relevance },
      });
    }
  }
  return lifted;
}

/**
 * Runs a search: plans it, reads the candidates (one query; a second, typo-tolerant one
 * only when the exact words found fewer than FUZZY_FALLBACK_BELOW codes), ranks them and
 * returns the `limit` hits after `after`. The plan's synonyms come from `expand`.
 */
export async function searchCodes(db: Database, query: string, filters: SearchFilters, after: SearchKey | null, limit: number, expand: SynonymExpander = shippedExpander()): Promise<SearchResult> {
  const plan = planSearch(query, expand);
  if (plan.codeKey === null && plan.words.length === 0) return { plan, total: 0, bySystem: [], hits: [] };
  // "right hip fracture initial encounter": the core words ("hip fracture") are searched too, for the codes to lift
  const seventh = plan.codeKey === null ? seventhCharacterReading(plan.words) : null;
  const core = seventh ? planSearch(seventh.core.join(' '), expand) : null;
  const allWords = core?.allWords ? `${plan.allWords ?? ''} ${core.allWords}`.trim() : plan.allWords;
  const rows = await findCandidates(db, { codeKey: plan.codeKey, codeSystems: plan.codeSystems, allWords, anyWord: plan.anyWord, fuzzy: null }, filters);
  let hits = rank(rows, plan.variants, false);
  if (seventh && core) hits = mergeHits(hits, await liftToSeventhCharacter(db, rows, core.variants, seventh, plan.words, queryIntent(plan.variants), filters));
  if (hits.filter((h) => h.tier === 2).length < FUZZY_FALLBACK_BELOW && plan.allFuzzy) {
    const seen = new Set(hits.map((h) => h.row.ref));
    const more = await findCandidates(db, { codeKey: null, codeSystems: null, allWords: null, anyWord: null, fuzzy: plan.allFuzzy }, filters);
    hits = hits.concat(rank(more, plan.variants.slice(0, 1), true).filter((h) => !seen.has(h.row.ref)));
  }
  // A code that was found as typed ("e11.9") is what was meant: hits on only some of its
  // pieces ("9": "NIHSS score 9") are noise, so they go; every-word hits stay.
  if (hits.some((h) => h.tier <= 1)) hits = hits.filter((h) => h.tier <= 1 || h.matchedBy === 'TITLE_PHRASE' || h.matchedBy === 'ALL_WORDS');
  hits.sort(compareKeys);
  const bySystem = (['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS'] as CodeSystem[]).map((system) => ({ system, count: hits.filter((h) => (h.row.code.system as CodeSystem) === system).length }));
  const start = after ? hits.findIndex((h) => compareKeys(h, after) > 0) : 0;
  const page = start < 0 ? [] : hits.slice(start, start + limit);
  // the light rows of the returned hits only (one more small query), not of every candidate
  const light = await findLightCodes(
    db,
    page.map((h) => h.row.ref),
  );
  return { plan, total: hits.length, bySystem, hits: page.map(({ row, ...h }) => ({ ...h, code: toCodeModel(light.get(row.ref) ?? { ...row.code, sortKey: row.sortKey }) })) };
}
