import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import type { CodeRow } from '../codesets/codeset.types';
import type { ReleasePlan, StoredCode } from '../codesets/release-plan';

const Q = {
  rows: cypherQuery('import/merge-code-rows'),
  releaseState: cypherQuery('import/get-release-state-by-system'),
  releases: cypherQuery('import/get-code-releases-by-system'),
  mergeRelease: cypherQuery('import/merge-code-release'),
  versions: cypherQuery('import/merge-code-versions'),
  firstRelease: cypherQuery('import/set-code-first-release'),
  lastRelease: cypherQuery('import/set-code-last-release'),
  clearLastRelease: cypherQuery('import/clear-code-last-release'),
  sortKeys: cypherQuery('import/set-code-sort-keys'),
  olderRows: cypherQuery('import/merge-code-older-rows'),
  replacements: cypherQuery('import/merge-code-replacements'),
  previousAssignment: cypherQuery('import/set-code-previous-assignment'),
  parents: cypherQuery('import/merge-code-parents'),
  counts: cypherQuery('import/count-codes-by-system'),
  replan: cypherQuery('import/prepare-for-replanning'),
};

/** Rows per transaction: large enough to amortise a round trip, small enough for a 2 GB heap. */
export const CODESET_BATCH_SIZE = 5000;

/** The sort key that keeps release-file order (ICD tabular order, C4A after C44). */
export function sortKeyOf(row: CodeRow): string {
  return `S${String(row.seq).padStart(7, '0')}`;
}

function toParam(r: CodeRow, firstRelease: string | null = null) {
  return {
    firstRelease,
    system: r.system,
    code: r.code,
    codeKey: r.codeKey,
    title: r.title,
    shortTitle: r.shortTitle,
    billable: r.billable,
    active: r.active,
    level: r.level,
    seq: r.seq,
    sortKey: sortKeyOf(r),
    parentKey: r.parentKey,
    addedDate: r.addedDate ?? null,
    terminationDate: r.terminationDate ?? null,
    actionCode: r.actionCode ?? null,
  };
}

/**
 * Writes one batch of rows: nodes, then their PARENT edges, in one transaction
 * (parents come before children in the stream, so a batch's parents exist).
 * Idempotent (MERGE on the (system, codeKey) constraint).
 */
export async function storeCodeBatch(db: Database, rows: CodeRow[], release: string, firstRelease?: ReadonlyMap<string, string>): Promise<void> {
  const params = rows.map((r) => toParam(r, firstRelease?.get(r.codeKey) ?? null));
  await db.writeTransaction(async (run) => {
    await run(Q.rows, { rows: params, release });
    const withParent = params.filter((p) => p.parentKey !== null);
    if (withParent.length) await run(Q.parents, { rows: withParent });
  }, 120000);
}

/**
 * Brings the planner's statistics up to date (index resample, query caches cleared); see
 * prepare-for-replanning.cypher. Returns false when the server refuses (e.g. a managed
 * service without the procedure): the load goes on, only perhaps slower.
 */
export async function refreshPlannerStatistics(db: Database): Promise<boolean> {
  try {
    await db.write(Q.replan, {}, 70000);
    return true;
  } catch {
    return false;
  }
}

/** Codes per system (stubs named only by a page's Similar Codes are not counted). */
export async function countCodesBySystem(db: Database): Promise<Record<string, number>> {
  const rows = await db.read<{ system: string; count: number }>(Q.counts, {}, 30000);
  return Object.fromEntries(rows.map((r) => [r.system, r.count]));
}

/** A release of a system as stored (CodeRelease). */
export interface StoredRelease {
  name: string;
  file: string | null;
  sha256: string | null;
}

/** The system's loaded releases, oldest first. */
export async function readReleases(db: Database, system: string): Promise<StoredRelease[]> {
  return db.read<StoredRelease & Record<string, unknown>>(Q.releases, { system }, 30000);
}

/**
 * The stored codes of `system` at `levels` (the order file's levels), with their earlier
 * versions, by codeKey; and the file name most of them came from (the `release`
 * property the code-set loader sets), to name a release loaded before releases were tracked.
 */
export async function readReleaseState(db: Database, system: string, levels: readonly string[]): Promise<{ codes: Map<string, StoredCode>; mainFile: string | null }> {
  const rows = await db.read<StoredCode & { file: string | null } & Record<string, unknown>>(Q.releaseState, { system, levels: [...levels] }, 60000);
  const codes = new Map<string, StoredCode>();
  const files = new Map<string, number>();
  for (const r of rows) {
    codes.set(r.codeKey, {
      codeKey: r.codeKey,
      title: r.title,
      shortTitle: r.shortTitle ?? null,
      billable: r.billable !== false,
      firstRelease: r.firstRelease ?? null,
      lastRelease: r.lastRelease ?? null,
      sortKey: r.sortKey ?? '',
      versions: (r.versions ?? []).map((v) => ({ ...v, shortTitle: v.shortTitle ?? null })),
    });
    if (r.file) files.set(r.file, (files.get(r.file) ?? 0) + 1);
  }
  const mainFile = [...files].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { codes, mainFile };
}

/** What `storeReleasePlan` writes besides the plan: the conversion-table edges and notes, the release nodes. */
export interface ReleaseWrite {
  system: string;
  file: string;
  sha256: string;
  /** A release stored before releases were tracked, to record first (name and the file its codes came from). */
  inferredCurrent: { name: string; file: string } | null;
  plan: ReleasePlan;
  replacements: { oldKey: string; newKey: string; release: string }[];
  previousAssignments: { newKey: string; text: string; release: string }[];
}

/**
 * Writes what a release load changes besides the rows of a forward load (stored before, in
 * batches, by storeCodeBatch): versions, older-only codes, first/last releases, sort keys,
 * conversion edges, then the CodeRelease node, all in ONE transaction (a backward load
 * writes a few hundred codes; a forward one the deletions and edges). Idempotent.
 */
export async function storeReleaseChanges(db: Database, w: ReleaseWrite): Promise<void> {
  const { plan, system } = w;
  await db.writeTransaction(async (run) => {
    if (w.inferredCurrent) await run(Q.mergeRelease, { system, name: w.inferredCurrent.name, file: w.inferredCurrent.file, sha256: null });
    if (plan.olderOnly.length) {
      const sortKeys = new Map(plan.placements.map((p) => [p.codeKey, p.sortKey]));
      const rows = plan.olderOnly.map((r) => ({ ...toParam(r), sortKey: sortKeys.get(r.codeKey) ?? sortKeyOf(r) }));
      await run(Q.olderRows, { rows, release: plan.release, file: w.file.replace(/^.*\//, '').replace(/\.gz$/, '') });
    }
    if (plan.versions.length) {
      await run(Q.versions, { system, versions: plan.versions.map((v) => ({ codeKey: v.codeKey, ...v.version })) });
    }
    if (plan.direction === 'backward' && plan.added.length) await run(Q.firstRelease, { system, keys: plan.added, release: plan.neighbour });
    if (plan.direction === 'forward' && plan.deleted.length) await run(Q.lastRelease, { system, keys: plan.deleted, release: plan.neighbour });
    if (plan.reinstated.length) await run(Q.clearLastRelease, { system, keys: plan.reinstated });
    if (plan.direction === 'forward' && plan.placements.length) await run(Q.sortKeys, { system, rows: plan.placements });
    if (w.replacements.length) await run(Q.replacements, { system, pairs: w.replacements });
    if (w.previousAssignments.length) await run(Q.previousAssignment, { system, rows: w.previousAssignments });
    await run(Q.mergeRelease, { system, name: plan.release, file: w.file.replace(/^.*\//, '').replace(/\.gz$/, ''), sha256: w.sha256 });
  }, 120000);
}

/** Versions a forward load must store before its rows overwrite the current state (one transaction). */
export async function storeCodeVersions(db: Database, system: string, plan: ReleasePlan): Promise<void> {
  if (!plan.versions.length) return;
  await db.write(Q.versions, { system, versions: plan.versions.map((v) => ({ codeKey: v.codeKey, ...v.version })) }, 60000);
}
