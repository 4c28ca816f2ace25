import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { testEnv } from './test-env';

const ROOT = path.resolve(__dirname, '../..');

/** A spawned API process (`node --import tsx src/index.ts`), with everything it printed. */
export interface SpawnedApi {
  child: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** stdout and stderr so far, interleaved as they came. */
  output(): string;
}

function spawnWith(env: Record<string, string | undefined>, spawned: ChildProcess[]): SpawnedApi {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => out };
}

/**
 * Starts the API against the suite's test database (testEnv plus `env`). The child is added
 * to `spawned`, so the caller's afterAll can kill whatever is left running.
 */
export function spawnApi(env: Record<string, string>, spawned: ChildProcess[]): SpawnedApi {
  return spawnWith({ ...process.env, ...testEnv(env) }, spawned);
}

/**
 * Starts the API as npm start does on a fresh clone: no NEO4J_URI, so it starts (and
 * supervises) the project's own local Neo4j, with the LOCAL_NEO4J_* settings in `env`.
 */
export function spawnApiWithOwnNeo4j(env: Record<string, string>, spawned: ChildProcess[]): SpawnedApi {
  const full: Record<string, string | undefined> = { ...process.env, ...testEnv(env) };
  delete full.NEO4J_URI;
  delete full.NEO4J_PASSWORD;
  return spawnWith(full, spawned);
}
