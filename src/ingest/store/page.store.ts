import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database, WriteCounters } from '../../neo4j/database';
import type { PageGraph } from '../page/page.types';
import { findAffectedCodeRefs, refreshCodeListsAfterPageChange } from './code-lists.store';

const Q = {
  upsert: cypherQuery('import/upsert-page-code'),
  clear: cypherQuery('import/clear-page-edges'),
  link: cypherQuery('import/link-page-terms'),
  orphans: cypherQuery('import/delete-orphans'),
};

const ranked = <T extends object>(items: T[]) => items.map((x, rank) => ({ ...x, rank }));

/**
 * Writes one page graph in ONE transaction: the code, then its old edges are
 * cleared, new ones written, and nodes only the old version used are removed.
 * Either all of it is stored or none (a failure or a kill leaves the old page whole).
 * In the same transaction, the stored similar codes and codes sharing risks of this code
 * and of every code whose lists it can change are recomputed (code-lists.store.ts), so
 * readers never see a page with lists from before it (`deferLists`, for batch imports: those
 * codes are marked stale instead, read exactly at read time until the batch recomputes them).
 * Returns whether the code had no page before, and the official title when the code set
 * loaded this code with a title other than the page's (the official one is kept).
 */
export async function storePageGraph(db: Database, g: PageGraph, counters?: WriteCounters, opts: { deferLists?: boolean } = {}): Promise<{ created: boolean; officialTitleKept: string | null }> {
  const { system, codeKey } = g.code;
  return db.writeTransaction(
    async (run) => {
      const [state] = await run(Q.upsert, { code: { ...g.code } });
      const listsBefore = await findAffectedCodeRefs(run, system, codeKey);
      const [cleared] = await run(Q.clear, { system, codeKey });
      await run(Q.link, {
        system,
        codeKey,
        risks: ranked(g.risks),
        indications: ranked(g.indications),
        settings: ranked(g.settings),
        personnel: ranked(g.personnel),
        bodyRegions: ranked(g.bodyRegions),
        bodySystems: ranked(g.bodySystems),
        equipment: ranked(g.equipment),
        alternatives: ranked(g.alternatives),
        policies: ranked(g.policies),
        similarCodes: ranked(g.similarCodes),
      });
      const targets = (cleared?.targets as string[] | undefined) ?? [];
      if (targets.length > 0) await run(Q.orphans, { targets });
      await refreshCodeListsAfterPageChange(run, system, codeKey, listsBefore, opts.deferLists ? 'defer' : 'now');
      return { created: state?.hadPage !== true, officialTitleKept: state?.officialTitleKept === true ? String(state.officialTitle) : null };
    },
    undefined,
    counters,
  );
}
