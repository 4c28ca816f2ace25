/**
 * Neo4j faults against the test database: stopped, frozen (SIGSTOP), killed (SIGKILL).
 * Named zz- so that it runs after the other files when Jest orders by name on a first
 * run; it leaves the database running either way (afterAll).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { localNeo4jPid, portAnswers, startLocalNeo4j, stopLocalNeo4j } from '../../src/neo4j/local-server';
import { EDITOR_KEY, TEST_NEO4J } from '../helpers/test-env';
import { freePort } from '../helpers/free-port';
import { spawnApi as spawnApiHelper, spawnApiWithOwnNeo4j } from '../helpers/spawn-api';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');
const SEED_PAGE = fs.readFileSync(path.join(ROOT, 'seeds/pages/cpt-00300.txt'), 'utf8');
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const PROBE = '{ code(system: ICD10CM, code: "R42") { title } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startNeo4j(): Promise<void> {
  await startLocalNeo4j({ ...TEST_NEO4J, log: () => undefined });
}

/** Polls `probe` until it succeeds; resolves with the ms it took, or rejects after `limitMs`. */
async function until(probe: () => Promise<boolean>, limitMs: number, stepMs = 100): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if (await probe()) return Date.now() - t0;
    await sleep(stepMs);
  }
  throw new Error(`not within ${limitMs} ms`);
}

describe('Neo4j faults: bounded failures, recovery without restart, nothing acknowledged is lost', () => {
  let t: TestServer;
  const served = async () => {
    const r = await gql(t.url, PROBE);
    return r.status === 200 && r.errors === undefined && r.data?.code?.title === 'Dizziness and giddiness';
  };

  beforeAll(async () => {
    // The short deadline the bounds below are about (the suite's default is generous).
    t = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: '3000' });
    expect(await served()).toBe(true);
  });
  afterAll(async () => {
    const pid = localNeo4jPid(TEST_NEO4J);
    if (pid) process.kill(pid, 'SIGCONT');
    else await startNeo4j();
    await t.close();
  });

  it('Neo4j stopped: every request fails within 5 s with SERVICE_UNAVAILABLE; readiness 503, liveness 200; serves again within 5 s of its return', async () => {
    await stopLocalNeo4j({ home: TEST_NEO4J.home });
    const results = await Promise.all([PROBE, '{ search(query: "dizz") { totalCount } }', '{ risks { totalCount } }'].map((q) => gql(t.url, q)));
    for (const r of results) {
      expect(r.ms).toBeLessThan(5000);
      expect(r.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    }
    expect((await fetch(`${t.server.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${t.server.url}/health/live`)).status).toBe(200);
    await startNeo4j();
    const ms = await until(served, 5000);
    expect(ms).toBeLessThan(5000);
    expect((await fetch(`${t.server.url}/health/ready`)).status).toBe(200);
  }, 180000);

  it('Neo4j frozen (SIGSTOP): requests fail within 5 s; after SIGCONT it serves again within 5 s', async () => {
    const pid = localNeo4jPid(TEST_NEO4J)!;
    process.kill(pid, 'SIGSTOP');
    try {
      const r = await gql(t.url, PROBE);
      expect(r.ms).toBeLessThan(5000);
      expect(r.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const ready = await fetch(`${t.server.url}/health/ready`);
      expect(ready.status).toBe(503);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(await until(served, 5000)).toBeLessThan(5000);
  }, 60000);

  it('Neo4j killed (SIGKILL) during writes: every acknowledged import is there after restart; an interrupted re-import leaves the old page whole', async () => {
    // v1 of a page, stored and acknowledged before the kill.
    const codeOf = (i: number) => `08${String(i).padStart(3, '0')}`;
    const v1 = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, 'Fault test page version one');
    const first = await gql(t.url, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "08999") { created } }', { t: v1 }, editor);
    expect(first.errors).toBeUndefined();

    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop && i < 400; i++) {
        const text = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, `Fault test page ${codeOf(i)}`);
        const r = await gql(t.url, 'mutation($t: String!, $c: String) { importCodePage(text: $t, system: CPT, code: $c) { code { code } } }', { t: text, c: codeOf(i) }, editor).catch(() => null);
        if (r && r.status === 200 && !r.errors) acknowledged.push(codeOf(i));
        // v2 of the 08999 page, racing with the kill
        if (i % 5 === 0) {
          const v2 = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, 'Fault test page version two').replace(
            /Indications\n\n[\s\S]*?\n\nPreparation/,
            'Indications\n\n  • Only one indication in version two.\n\nPreparation',
          );
          void gql(t.url, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "08999") { created } }', { t: v2 }, editor).catch(() => null);
        }
      }
    })();
    await until(async () => acknowledged.length >= 5, 60000, 20);
    const pid = localNeo4jPid(TEST_NEO4J)!;
    process.kill(pid, 'SIGKILL');
    await until(
      async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      10000,
      50,
    );
    await sleep(1500); // writes keep failing while the database is away
    stop = true;
    await writer;
    fs.rmSync(path.join(TEST_NEO4J.home, 'run', 'neo4j.pid'), { force: true });
    await startNeo4j();
    await until(served, 120000, 250);

    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    const rows = await t.db.read<{ code: string; risks: number; indications: number }>(
      `UNWIND $codes AS k MATCH (c:Code {system: 'CPT', codeKey: k})
       RETURN c.code AS code, COUNT { (c)-[:HAS_RISK]->() } AS risks, COUNT { (c)-[:INDICATED_FOR]->() } AS indications`,
      { codes: acknowledged },
    );
    expect(rows.map((r) => r.code).sort()).toEqual([...acknowledged].sort());
    for (const r of rows) expect(r).toMatchObject({ risks: 8, indications: 3 });

    const page = await gql(t.url, '{ code(system: CPT, code: "08999") { title indications { text } risks { text } } }');
    const c = page.data!.code;
    if (c.title === 'Fault test page version one') expect(c.indications).toHaveLength(3);
    else {
      expect(c.title).toBe('Fault test page version two');
      expect(c.indications).toEqual([{ text: 'Only one indication in version two.' }]);
    }
    expect(c.risks).toHaveLength(8);

    await t.db.write(
      "MATCH (c:Code {system: 'CPT'}) WHERE c.codeKey STARTS WITH '08' AND c.title STARTS WITH 'Fault test page' OPTIONAL MATCH (c)-[:INDICATED_FOR]->(i:Indication) WHERE i.text STARTS WITH 'Only one indication' DETACH DELETE c, i",
    );
  }, 300000);
});

/** A probe through the API at `base`. */
const servedAt = (base: string) => async () => {
  const r = await gql(`${base}/graphql`, PROBE).catch(() => null);
  return !!r && r.status === 200 && r.errors === undefined && r.data?.code?.title === 'Dizziness and giddiness';
};

describe('process life cycle', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    if (!localNeo4jPid(TEST_NEO4J)) await startNeo4j();
  });

  const spawnApi = (env: Record<string, string>) => spawnApiHelper(env, children);

  it('kill -9 of the Neo4j that npm start launched, under load: restarted by the API, serving within 30 s, requests fail only while it is down, acknowledged writes kept', async () => {
    // The API starts the test database itself (same home, port and data), as npm start
    // does with its own, so it supervises it.
    await stopLocalNeo4j({ home: TEST_NEO4J.home });
    const port = await freePort();
    const api = spawnApiWithOwnNeo4j(
      {
        PORT: String(port),
        LOG_LEVEL: 'info',
        LOCAL_NEO4J_HOME: TEST_NEO4J.home,
        LOCAL_NEO4J_BOLT_PORT: String(TEST_NEO4J.boltPort),
        LOCAL_NEO4J_PASSWORD: TEST_NEO4J.password,
        LOCAL_NEO4J_HEAP: TEST_NEO4J.heap,
        LOCAL_NEO4J_PAGECACHE: TEST_NEO4J.pageCache,
        // warm before ready, as npm start does; the suite's generous deadline (a restarted
        // Neo4j on a loaded machine is slow for its first seconds)
        WARM_UP: 'true',
      },
      children,
    );
    const { child, exited } = api;
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/health/ready`).catch(() => null))?.status === 200, 180000, 250);

    type Outcome = { start: number; end: number; ok: boolean };
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let stop = false;
    const reader = async () => {
      while (!stop) {
        const start = Date.now();
        const r = await gql(`${base}/graphql`, PROBE).catch(() => null);
        outcomes.push({ start, end: Date.now(), ok: !!r && r.status === 200 && !r.errors && r.data?.code?.title === 'Dizziness and giddiness' });
        await sleep(20);
      }
    };
    const writer = async () => {
      for (let i = 0; !stop; i++) {
        const code = `07${String(i).padStart(3, '0')}`;
        const text = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, `Supervision test page ${code}`);
        const r = await gql(`${base}/graphql`, 'mutation($t: String!, $c: String) { importCodePage(text: $t, system: CPT, code: $c) { code { code } } }', { t: text, c: code }, editor).catch(
          () => null,
        );
        if (r && r.status === 200 && !r.errors) acknowledged.push(code);
        await sleep(50);
      }
    };
    const load = [reader(), reader(), reader(), writer()];
    try {
      await until(async () => acknowledged.length >= 3 && outcomes.length >= 20, 120000, 50);
      const pid = localNeo4jPid(TEST_NEO4J)!;
      expect(pid).not.toBeNull();
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      // the supervisor starts a new server, Bolt opens, and the API serves again, with no person acting
      await until(async () => localNeo4jPid(TEST_NEO4J) !== null && localNeo4jPid(TEST_NEO4J) !== pid, 10000, 50);
      const relaunchMs = Date.now() - killedAt;
      await until(() => portAnswers(TEST_NEO4J.boltPort), 180000, 100);
      const boltMs = Date.now() - killedAt;
      await until(servedAt(base), 60000, 100);
      const backMs = Date.now() - killedAt;
      process.stdout.write(`supervision: Neo4j killed; new server launched after ${relaunchMs} ms, Bolt open after ${boltMs} ms, API serving again after ${backMs} ms\n`);
      // Our part, bounded independently of how long the JVM takes on a loaded machine:
      // relaunch within 5 s of the kill, serving within 5 s of Bolt opening.
      expect(relaunchMs).toBeLessThan(5000);
      expect(backMs - boltMs).toBeLessThan(5000);
      // End to end (issue 17): within 30 s. Neo4j's own start is most of it (about 10 s on
      // an idle 2-core machine, 30-40 s when four other suites share it).
      expect(backMs).toBeLessThan(30000);
      const backAt = Date.now();
      await sleep(2000); // keep the load on after it is back
      stop = true;
      await Promise.all(load);
      const failed = outcomes.filter((o) => !o.ok);
      // before the kill: nothing failed; after it was back: nothing failed
      expect(failed.filter((o) => o.end < killedAt)).toEqual([]);
      expect(failed.filter((o) => o.start > backAt)).toEqual([]);
      expect(outcomes.filter((o) => o.ok && o.start > backAt).length).toBeGreaterThan(0);
      expect(api.output()).toMatch(/local Neo4j exited while the API runs: restarting it/);
      expect(api.output()).toMatch(/local Neo4j restarted: serving again/);
      // every acknowledged write is there
      const stored = await Promise.all(acknowledged.map((c) => gql(`${base}/graphql`, `{ code(system: CPT, code: "${c}") { title } }`)));
      expect(stored.map((r) => r.data?.code?.title)).toEqual(acknowledged.map((c) => `Supervision test page ${c}`));
    } finally {
      stop = true;
      await Promise.all(load);
      child.kill('SIGTERM');
      const code = await exited;
      fs.writeFileSync(path.join(TEST_NEO4J.home, 'logs', 'supervision-test-api.log'), api.output());
      // the API stopped the Neo4j it started; bring the test database back and remove the
      // test pages whatever happened above (left behind, they change other files' answers)
      if (!localNeo4jPid(TEST_NEO4J)) await startNeo4j();
      const cleanup = await startTestServer();
      try {
        await until(async () => await cleanup.db.ping(2000), 120000, 250);
        await cleanup.db.write("MATCH (c:Code {system: 'CPT'}) WHERE c.codeKey STARTS WITH '07' AND c.title STARTS WITH 'Supervision test page' DETACH DELETE c", {}, 60000);
      } finally {
        await cleanup.close();
      }
      expect(code).toBe(0);
    }
  }, 300000);

  it('starts with Neo4j down without crashing, and becomes ready when Neo4j comes', async () => {
    await stopLocalNeo4j({ home: TEST_NEO4J.home });
    const port = await freePort();
    const api = spawnApi({ PORT: String(port), SERVE_WITHOUT_DATABASE: 'true', NEO4J_STARTUP_TIMEOUT_MS: '1000', LOG_LEVEL: 'warn' });
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/health/live`).catch(() => null))?.status === 200, 120000, 200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    await startNeo4j();
    await until(async () => (await fetch(`${base}/health/ready`)).status === 200, 15000, 200);
    const r = await gql(`${base}/graphql`, PROBE);
    expect(r.data?.code?.title).toBe('Dizziness and giddiness');
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  }, 300000);

  it('Ctrl-C while the first start is still loading data: the Neo4j it started is stopped, exit 130; no server left behind', async () => {
    const home = path.join(ROOT, '.neo4j', 'test-interrupted-start');
    fs.rmSync(home, { recursive: true, force: true });
    // The project's own Neo4j, as on a fresh clone: no NEO4J_URI.
    const api = spawnApiWithOwnNeo4j(
      {
        PORT: String(await freePort()),
        LOG_LEVEL: 'info',
        SEED_ON_START: 'true',
        LOCAL_NEO4J_HOME: home,
        LOCAL_NEO4J_BOLT_PORT: String(await freePort()),
        LOCAL_NEO4J_HEAP: '512m',
        LOCAL_NEO4J_PAGECACHE: '128m',
      },
      children,
    );
    const { child, exited } = api;
    try {
      // generous: a fresh Neo4j takes 10 s on an idle machine, over a minute on a loaded one
      await until(async () => /loading the shipped/.test(api.output()), 300000, 200);
      const neo4jPid = localNeo4jPid({ home });
      expect(neo4jPid).not.toBeNull();
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(api.output()).toMatch(/interrupted while starting/);
      expect(localNeo4jPid({ home })).toBeNull();
      expect(() => process.kill(neo4jPid!, 0)).toThrow(); // the process is gone
    } finally {
      await stopLocalNeo4j({ home });
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 420000);

  it('SIGTERM with requests in flight: readiness 503 at once, in-flight requests complete, exit 0 within 10 s', async () => {
    const port = await freePort();
    const api = spawnApi({ PORT: String(port), LOG_LEVEL: 'info', PRE_STOP_DELAY_MS: '1000' });
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/health/ready`).catch(() => null))?.status === 200, 120000, 200);
    // a handful of heavier requests, still running when the signal arrives
    const heavy = '{ search(query: "fracture femur", first: 20) { totalCount edges { node { code title } } } }';
    // warm (a Neo4j restarted by the tests above has cold caches), so in-flight requests are ordinary ones
    const warm = await gql(`${base}/graphql`, heavy);
    expect(warm.errors).toBeUndefined();
    const inFlight = Array.from({ length: 4 }, () => gql(`${base}/graphql`, heavy));
    await sleep(30);
    const t0 = Date.now();
    api.child.kill('SIGTERM');
    await sleep(100);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    const results = await Promise.all(inFlight);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
    }
    const code = await api.exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10000);
    expect(api.output()).toMatch(/"msg":"stopped"/);
  }, 240000);
});
