import DataLoader from 'dataloader';
import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { keyedLoader, type KeyedRow, type LoaderOptions } from '../../neo4j/keyed-loader';
import { toCodeModel } from '../code/code.mapper';
import type { CodeModel } from '../code/code.type';
import { CodeChangeKind, type CodeChangeModel, type CodeReleaseStateModel, type CodeReplacementModel, type CodeTitleVersionModel } from './release.type';

const Q = {
  releases: cypherQuery('release/get-code-releases-by-system'),
  facts: cypherQuery('release/get-release-facts-by-code-ref'),
  [CodeChangeKind.ADDED]: cypherQuery('release/list-added-codes'),
  [CodeChangeKind.DELETED]: cypherQuery('release/list-deleted-codes'),
  [CodeChangeKind.RETITLED]: cypherQuery('release/list-retitled-codes'),
};

type Props = Record<string, unknown>;

/** What the releases say about one code (plain data, per request). */
export interface ReleaseFacts {
  /** Null: valid since the system's earliest loaded release. */
  firstRelease: string | null;
  /** Null: valid in the system's latest loaded release. */
  lastRelease: string | null;
  /** The current state (the latest release it is valid in). */
  current: { title: string; shortTitle: string | null; billable: boolean };
  /** Earlier states, oldest first. */
  versions: CodeTitleVersionModel[];
  previousAssignment: string | null;
  replacedBy: CodeReplacementModel[];
  replaces: CodeReplacementModel[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function toFacts(p: Props): ReleaseFacts {
  const edges = (v: unknown): CodeReplacementModel[] =>
    (Array.isArray(v) ? (v as Props[]) : []).filter((e) => e && e.code).map((e) => ({ release: String(e.release), code: toCodeModel(e.code as Props) }));
  return {
    firstRelease: str(p.firstRelease),
    lastRelease: str(p.lastRelease),
    current: { title: typeof p.title === 'string' ? p.title : '', shortTitle: str(p.shortTitle), billable: p.billable !== false },
    versions: (Array.isArray(p.versions) ? (p.versions as Props[]) : []).map((v) => ({
      title: String(v.title),
      shortTitle: str(v.shortTitle),
      billable: v.billable !== false,
      firstRelease: String(v.firstRelease),
      lastRelease: String(v.lastRelease),
    })),
    previousAssignment: str(p.previousAssignment),
    replacedBy: edges(p.replacedBy),
    replaces: edges(p.replaces),
  };
}

/**
 * Release reads of one request: the loaded releases per system and the release facts per
 * code ref, each one batch query per tick. Created per request (caches must not outlive it).
 */
export function createReleaseLoaders(db: Database, opts: LoaderOptions) {
  const releasesBySystem = new DataLoader<string, string[]>(
    async (systems) => {
      const rows = await db.read<KeyedRow & Record<string, unknown>>(Q.releases, { keys: [...systems] });
      const bySystem = new Map(rows.map((r) => [r.key, (r.items ?? []).map(String)]));
      return systems.map((s) => bySystem.get(s) ?? []);
    },
    { batch: opts.batch },
  );
  const factsByCodeRef = keyedLoader(db, Q.facts, (p: Props) => toFacts(p), opts);
  return { releasesBySystem, factsByCodeRef };
}
export type ReleaseLoaders = ReturnType<typeof createReleaseLoaders>;

function toState(v: unknown): CodeReleaseStateModel | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Props;
  return { release: String(p.release), title: String(p.title), shortTitle: str(p.shortTitle), billable: p.billable !== false };
}

/**
 * One page of the codes that changed in `kind` between two loaded releases of `system`
 * (`from` earlier than `to`), in code order, with the total.
 */
export async function listCodeChanges(
  db: Database,
  args: { system: string; from: string; to: string; kind: CodeChangeKind; billableOnly: boolean; skip: number; first: number },
): Promise<{ total: number; page: CodeChangeModel[] }> {
  const [row] = await db.read<{ total: number; page: Props[] }>(Q[args.kind], {
    system: args.system,
    fromRelease: args.from,
    toRelease: args.to,
    billableOnly: args.billableOnly,
    skip: args.skip,
    first: args.first,
  });
  return {
    total: row?.total ?? 0,
    page: (row?.page ?? []).map((c) => ({ kind: args.kind, code: toCodeModel(c.code as Props) as CodeModel, before: toState(c.before), after: toState(c.after) })),
  };
}
