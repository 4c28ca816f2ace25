import DataLoader from 'dataloader';
import type { Database, Params } from './database';

/** Row shape of every batch query in cypher/queries: one row per key, in any order. */
export interface KeyedRow {
  key: string;
  items: unknown[];
}

export interface LoaderOptions {
  /** False turns batching off (one query per key): only for the benchmark that shows what batching buys. */
  batch: boolean;
  /** Code lists of a term with more codes than this walk the code order index (vocabulary lists). */
  hubDegree: number;
}

/**
 * A DataLoader over one batch query (`UNWIND $keys AS key ... RETURN key, items`).
 * Lives for one request. Returns, per key, the mapped items ([] when none).
 */
export function keyedLoader<T>(db: Database, cypher: string, map: (item: never) => T, opts: LoaderOptions, params: Params = {}): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await db.read<KeyedRow & Record<string, unknown>>(cypher, { ...params, keys: [...keys] });
      const byKey = new Map(rows.map((r) => [r.key, (r.items ?? []).map((i) => map(i as never))]));
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { batch: opts.batch, maxBatchSize: 1000 },
  );
}

/** Loaders that take arguments: one DataLoader per distinct argument set, created on first use. */
export class LoaderFamily<T> {
  private readonly loaders = new Map<string, DataLoader<string, T[]>>();

  constructor(private readonly create: (args: Params) => DataLoader<string, T[]>) {}

  load(key: string, args: Params): Promise<T[]> {
    const id = JSON.stringify(args);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.create(args);
      this.loaders.set(id, loader);
    }
    return loader.load(key);
  }

  /** Seeds the loader of `args` with `value` for `key` (a statement that read it already). */
  prime(key: string, args: Params, value: T[]): void {
    const id = JSON.stringify(args);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.create(args);
      this.loaders.set(id, loader);
    }
    loader.prime(key, value);
  }
}
