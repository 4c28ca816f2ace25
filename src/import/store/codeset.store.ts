import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import type { CodeRow } from '../codesets/codeset.types';

const Q = {
  rows: cypherQuery('import/merge-code-rows'),
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

function toParam(r: CodeRow) {
  return {
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
export async function storeCodeBatch(db: Database, rows: CodeRow[], release: string): Promise<void> {
  const params = rows.map(toParam);
  await db.writeTransaction(
    async (run) => {
      await run(Q.rows, { rows: params, release });
      const withParent = params.filter((p) => p.parentKey !== null);
      if (withParent.length) await run(Q.parents, { rows: withParent });
    },
    120000,
  );
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
