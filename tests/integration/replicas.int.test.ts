/**
 * Scale-out shown (issue 17, item 5): two API processes, each on its own port, against one
 * Neo4j through a routing (neo4j://) URI, as N stateless replicas behind a load balancer
 * would run. Reads are served by both; a write through one is visible through the other at
 * once (one Community instance: routing resolves to it; with a cluster, see README
 * "Running in production"); the persisted-read ETag moves on both.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { documentHash } from '../../src/http/persisted-get';
import { freePort } from '../helpers/free-port';
import { EDITOR_KEY, TEST_NEO4J, testEnv } from '../helpers/test-env';
import { gql } from '../helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');
const CODE_PAGE = fs.readFileSync(path.join(ROOT, 'examples/operations/code-page.graphql'), 'utf8');
const SEED_PAGE = fs.readFileSync(path.join(ROOT, 'seeds/pages/cpt-00300.txt'), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two API replicas on one Neo4j through neo4j://', () => {
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...testEnv({ PORT: String(port), NEO4J_URI: `neo4j://127.0.0.1:${TEST_NEO4J.boltPort}`, WARM_UP: 'true', LOG_LEVEL: 'warn' }) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      bases.push(`http://127.0.0.1:${port}`);
    }
    for (const base of bases) {
      const t0 = Date.now();
      while ((await fetch(`${base}/health/ready`).catch(() => null))?.status !== 200) {
        if (Date.now() - t0 > 120000) throw new Error(`${base} not ready`);
        await sleep(200);
      }
    }
  }, 180000);
  afterAll(async () => {
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))));
  });

  it('serves reads from both, and a write through one is visible through the other', async () => {
    const served: number[] = [];
    const okCount = async (base: string) => {
      const m = /^graphql_requests_total\{operation="CodePage",outcome="ok"\} (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text());
      return m ? Number(m[1]) : 0;
    };
    for (const base of bases) {
      const before = await okCount(base); // the warm-up ran it too
      let n = 0;
      for (let i = 0; i < 10; i++) {
        const r = await gql(`${base}/graphql`, CODE_PAGE);
        if (r.status === 200 && !r.errors && r.data?.code?.code === '00300') n += 1;
      }
      served.push(n);
      expect((await okCount(base)) - before).toBe(10); // served by this replica
    }
    expect(served).toEqual([10, 10]);

    const [a, b] = bases as [string, string];
    const url = (base: string) => `${base}/graphql?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: documentHash(CODE_PAGE) } }) }).toString()}`;
    const etagB = (await fetch(url(b))).headers.get('etag');
    const marker = `Replica test ${Date.now()}`;
    const text = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, marker);
    const t0 = Date.now();
    const w = await gql(`${a}/graphql`, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "06999") { created } }', { t: text }, { authorization: `Bearer ${EDITOR_KEY}` });
    expect(w.errors).toBeUndefined();
    const seen = await gql(`${b}/graphql`, '{ code(system: CPT, code: "06999") { title } }');
    expect(seen.data?.code?.title).toBe(marker);
    process.stdout.write(`replicas: a write through ${a} was read through ${b} ${Date.now() - t0} ms after it was sent\n`);
    // replica B sees the new data version within its 1 s cache of it
    await sleep(1100);
    expect((await fetch(url(b))).headers.get('etag')).not.toBe(etagB);
  }, 120000);

  afterAll(async () => {
    // remove the test page through the database directly
    const { loadConfig } = await import('../../src/config');
    const { Database } = await import('../../src/neo4j/database');
    const { createDriver } = await import('../../src/neo4j/driver');
    const config = loadConfig(testEnv(), false);
    const db = new Database(createDriver(config.neo4j.uri as string, config.neo4j), { database: 'neo4j', queryTimeoutMs: 60000 });
    await db.write("MATCH (c:Code {system: 'CPT', codeKey: '06999'}) DETACH DELETE c");
    await db.close();
  });
});
