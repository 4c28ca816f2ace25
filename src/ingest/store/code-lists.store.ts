import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database, Params } from '../../neo4j/database';

const Q = {
  affected: cypherQuery('import/find-codes-with-lists-affected-by-code'),
  similar: cypherQuery('code/reference/compute-similar-codes-by-code-ref'),
  sharing: cypherQuery('code/reference/compute-codes-sharing-risks-by-code-ref'),
  store: cypherQuery('import/store-code-lists'),
  stale: cypherQuery('import/mark-code-lists-stale'),
  lock: cypherQuery('import/lock-codes-for-lists'),
  staleRefs: cypherQuery('import/get-page-codes-with-stale-lists'),
};

/**
 * A single page import recomputes at most this many codes' lists in its transaction (the code
 * itself first); the others it affects are marked stale, so reads compute them exactly until
 * the next batch import or `npm run recompute:similarity` stores them. On the shipped data an
 * import affects about 35 codes; on the 1M benchmark graph a page's non-hub terms reach thousands.
 */
export const IMMEDIATE_LIST_UPDATES = 200;

/**
 * How many similar codes and codes sharing risks are stored per code: MAX_PAGE_SIZE's
 * default, so every `first` a request may ask for is a prefix of the stored list (a larger
 * configured MAX_PAGE_SIZE makes the loaders compute lists longer than this at read time).
 */
export const STORED_LIST_SIZE = 100;

/**
 * A term on more codes than this is not followed when finding the codes an import affects
 * (find-codes-with-lists-affected-by-code.cypher); the same 2,000 that bounds hubs in the
 * reference computation.
 */
export const LIST_UPDATE_HUB_DEGREE = 2000;

/** Runs one statement inside the caller's transaction (Database.writeTransaction's runner). */
export type TxRun = (cypher: string, params?: Params) => Promise<Record<string, unknown>[]>;

type Props = Record<string, unknown>;
const refOf = (c: unknown): string => `${String((c as Props).system)}:${String((c as Props).codeKey)}`;
const keysOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is Props => x !== null).map((x) => String(x.key)) : []);

/** The codes an import can affect, and what of the imported code their lists read. */
export interface AffectedCodes {
  refs: string[];
  /** Whether the code has stored lists. */
  stored: boolean;
  /** The code's risks, roles, settings, regions and listed codes with their page order. */
  terms: string[];
}

/**
 * The codes whose stored lists can change when `system:codeKey`'s page changes, as the graph
 * stands now in this transaction (see the .cypher file for which codes and the hub bound).
 * Call it before and after the page's edges change.
 */
export async function findAffectedCodeRefs(run: TxRun, system: string, codeKey: string): Promise<AffectedCodes> {
  const [row] = await run(Q.affected, { system, codeKey, hubDegree: LIST_UPDATE_HUB_DEGREE });
  return { refs: (row?.refs as string[] | undefined) ?? [], stored: row?.stored === true, terms: (row?.terms as string[] | undefined) ?? [] };
}

/**
 * Computes the similar codes and codes sharing risks of `refs` with the reference Cypher
 * (code/reference/*, the formula of README "Similar codes") and stores them as ranked
 * SCORED_SIMILAR / SHARES_RISKS edges, in the caller's transaction: readers see the old
 * lists or the new ones, never half. Refs of codes that do not exist are ignored.
 * Returns how many codes were stored.
 */
export async function storeComputedCodeLists(run: TxRun, refs: readonly string[], chunk = 100): Promise<number> {
  let stored = 0;
  // Write locks first (sorted: the same order in every transaction), then read: see lock-codes-for-lists.cypher.
  await run(Q.lock, { refs: [...refs].sort() });
  for (let i = 0; i < refs.length; i += chunk) {
    const keys = refs.slice(i, i + chunk);
    const [similar, sharing] = [await run(Q.similar, { keys, first: STORED_LIST_SIZE }), await run(Q.sharing, { keys, first: STORED_LIST_SIZE, minShared: 1 })];
    const sharingByRef = new Map(sharing.map((r) => [String(r.key), (r.items as Props[]) ?? []]));
    const rows = similar.map((r) => ({
      ref: String(r.key),
      similar: ((r.items as Props[]) ?? []).map((x) => ({
        ref: refOf(x.code),
        score: Number(x.score),
        listed: x.listed === true,
        hierarchyDistance: typeof x.hierarchyDistance === 'number' ? x.hierarchyDistance : null,
        sharedRisks: keysOf(x.sharedRisks),
        sharedBodyRegions: keysOf(x.sharedBodyRegions),
        sharedPersonnel: keysOf(x.sharedPersonnel),
        sharedSettings: keysOf(x.sharedSettings),
      })),
      sharing: (sharingByRef.get(String(r.key)) ?? []).map((x) => ({ ref: refOf(x.code), sharedRisks: keysOf(x.sharedRisks) })),
    }));
    const [out] = await run(Q.store, { rows });
    stored += Number(out?.stored ?? 0);
  }
  return stored;
}

/**
 * After a page's edges changed, in the same transaction: the codes affected before (`before`,
 * from findAffectedCodeRefs ahead of the change) or after it get their lists recomputed
 * (`now`: the code itself and up to IMMEDIATE_LIST_UPDATES codes; any beyond are marked stale)
 * or are all marked stale (`defer`: a batch import, which recomputes them once at its end with
 * recomputeStaleCodeLists). Stale lists are never served: reads compute them, so a reader sees
 * exact lists at every moment. Nothing happens when the code had stored lists and what they read
 * of it is unchanged (a re-import, a page whose text or alternatives changed).
 * Returns the refs recomputed and the refs marked stale.
 */
export async function refreshCodeListsAfterPageChange(
  run: TxRun,
  system: string,
  codeKey: string,
  before: AffectedCodes,
  mode: 'now' | 'defer' = 'now',
): Promise<{ recomputed: string[]; stale: string[] }> {
  const after = await findAffectedCodeRefs(run, system, codeKey);
  if (before.stored && after.terms.join('\n') === before.terms.join('\n')) return { recomputed: [], stale: [] };
  const self = `${system}:${codeKey}`;
  const refs = [...new Set([self, ...after.refs, ...before.refs])];
  const recomputed = mode === 'now' ? refs.slice(0, IMMEDIATE_LIST_UPDATES) : [];
  const stale = refs.slice(recomputed.length);
  if (recomputed.length > 0) await storeComputedCodeLists(run, recomputed);
  if (stale.length > 0) await run(Q.stale, { refs: stale });
  return { recomputed, stale };
}

/**
 * Recomputes, `batch` codes per transaction, the lists of every code with a page whose lists
 * are not stored or stale (after a batch import, or codes beyond a single import's bound).
 * Returns how many codes were stored.
 */
export async function recomputeStaleCodeLists(db: Database, batch = 200): Promise<number> {
  const [row] = await db.read<{ refs: string[] }>(Q.staleRefs, {}, 600000);
  return recomputeCodeLists(db, row?.refs ?? [], batch);
}

/**
 * Computes and stores the lists of `refs`, `batch` codes per write transaction (each code's lists
 * replaced whole); `onBatch` is told the running total. Returns how many codes were stored.
 */
export async function recomputeCodeLists(db: Database, refs: readonly string[], batch: number, onBatch?: (done: number, total: number) => void): Promise<number> {
  let done = 0;
  for (let i = 0; i < refs.length; i += batch) {
    const slice = refs.slice(i, i + batch);
    done += await db.writeTransaction((run) => storeComputedCodeLists(run, slice), 600000);
    onBatch?.(done, refs.length);
  }
  return done;
}

/**
 * Recomputes the stored lists of every code with a page or with stored lists (after a formula
 * change, a code-set release that adds siblings, or a bulk load that wrote pages without them),
 * `batch` codes per transaction: each code's lists are replaced whole (readers see a code's old
 * lists or its new ones), while codes of later batches still show the old formula until theirs
 * commits. `onBatch` is told the running total. Returns how many codes were stored.
 */
export async function recomputeAllCodeLists(db: Database, opts: { batch?: number; onBatch?: (done: number, total: number) => void } = {}): Promise<number> {
  const batch = opts.batch ?? 200;
  const [row] = await db.read<{ refs: string[] }>(
    "MATCH (c:Code) WHERE c.hasPage = true OR c.similarStored = true WITH c ORDER BY c.system, c.sortKey RETURN collect(c.system + ':' + c.codeKey) AS refs",
    {},
    600000,
  );
  return recomputeCodeLists(db, row?.refs ?? [], batch, opts.onBatch);
}
