import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { toTermModel } from './vocabulary.mapper';
import type { TermModel } from './vocabulary.type';

/*
 * The vocabulary's reads that are not keyed by a term (lists from the top). Keyed reads go
 * through the per-request loaders in vocabulary.loaders.ts; resolvers call one or the other and
 * never the driver.
 */

const Q = {
  topRegions: cypherQuery('vocabulary/list-top-body-regions'),
  risksByCount: cypherQuery('vocabulary/list-risks-by-code-count'),
};

/** One page of risks, most widely shared first, with how many codes have each. */
export interface RiskCountPage {
  total: number;
  page: { risk: TermModel; codeCount: number }[];
}

/** Risks that at least one code has, most widely shared first; `total` counts them all. */
export async function listRisksByCodeCount(db: Database, window: { skip: number; first: number }): Promise<RiskCountPage> {
  const [row] = await db.read<{ total: number; page: { risk: Record<string, unknown>; codeCount: number }[] }>(Q.risksByCount, window);
  return {
    total: Number(row?.total ?? 0),
    page: (row?.page ?? []).map((x) => ({ risk: toTermModel('Risk', x.risk), codeCount: Number(x.codeCount) })),
  };
}

/** Body regions that are part of no other region, by name. */
export async function listTopBodyRegions(db: Database): Promise<TermModel[]> {
  const rows = await db.read<{ region: Record<string, unknown> }>(Q.topRegions);
  return rows.map((r) => toTermModel('BodyRegion', r.region));
}
