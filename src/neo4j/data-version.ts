import { cypherQuery } from './cypher-files';
import type { Database } from './database';

const BUMP = cypherQuery('meta/bump-data-version');
const READ = cypherQuery('meta/read-data-version');

/** The last version seen per driver (one per process; scoped views share the driver). */
const seen = new WeakMap<object, { version: number; at: number }>();

/**
 * Marks the graph as changed: the version in Neo4j goes up by one, so every replica's
 * ETags change (within `maxAgeMs` of readDataVersion). Imports call it after they commit.
 * Throws SERVICE_UNAVAILABLE when the database is away (the import itself is already stored).
 */
export async function bumpDataVersion(db: Database): Promise<number> {
  const [row] = await db.write<{ version: number }>(BUMP);
  const version = row?.version ?? 0;
  seen.set(db.driver, { version, at: Date.now() });
  return version;
}

/**
 * The graph's data version, read from Neo4j at most once per `maxAgeMs` per process (a
 * bump by this process is seen at once; by another replica within `maxAgeMs`).
 * Throws SERVICE_UNAVAILABLE when the database is away.
 */
export async function readDataVersion(db: Database, maxAgeMs = 1000): Promise<number> {
  const cached = seen.get(db.driver);
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.version;
  const [row] = await db.read<{ version: number }>(READ);
  const version = row?.version ?? 0;
  seen.set(db.driver, { version, at: Date.now() });
  return version;
}
