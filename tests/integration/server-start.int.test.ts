import { spawn } from 'node:child_process';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { migrate } from '../../src/neo4j/migrations';
import { seedDatabase } from '../../src/seed';
import { gql, startTestServer, TestServer } from '../helpers/test-server';
import { testEnv } from '../helpers/test-env';

const ROOT = path.resolve(__dirname, '../..');

describe('foundation: server on a real Neo4j', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a GraphQL request', async () => {
    const r = await gql(t.url, '{ __typename }');
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ __typename: 'Query' });
  });

  it('reports liveness and readiness', async () => {
    const live = await fetch(`${t.server.url}/health/live`);
    const ready = await fetch(`${t.server.url}/health/ready`);
    expect(live.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves Apollo Sandbox on GET with the code-page operation preloaded', async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('query CodePage');
  });

  it('applies migrations idempotently', async () => {
    const before = await t.db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    const indexesBefore = await t.db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    await migrate(t.db);
    await migrate(t.db);
    const after = await t.db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
    const indexesAfter = await t.db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    expect(after).toEqual(before);
    expect(indexesAfter).toEqual(indexesBefore);
    expect(after.map((c) => c.name)).toEqual(expect.arrayContaining(['code_system_key', 'risk_key', 'body_region_key']));
    expect(indexesAfter.map((c) => c.name)).toContain('code_title_fulltext');
  });

  it('enforces one Code per (system, code)', async () => {
    await expect(t.db.write("CREATE (:Code {system: 'ICD10CM', codeKey: 'R42', code: 'R42', title: 'dup'})")).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });
});

describe('start-up seeding', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const seedPages = () => seedDatabase(t.db, t.services.importer, createLogger('silent', 'test'), { codesets: false, pages: true });
  const summaryOf = async (key: string) => (await t.db.read<{ summary: string | null }>("MATCH (c:Code {system: 'CPT', codeKey: $key}) RETURN c.summary AS summary", { key }))[0]?.summary;
  const pagesState = async () => (await t.db.read<{ done: boolean }>("MATCH (s:SeedState {part: 'pages'}) RETURN s.doneAt IS NOT NULL AS done"))[0]?.done;

  it('leaves a seeded database alone', async () => {
    const original = await summaryOf('00320');
    expect(original).toBeTruthy();
    await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '00320'}) SET c.summary = 'edited by a test'");
    try {
      await seedPages();
      expect(await summaryOf('00320')).toBe('edited by a test');
    } finally {
      await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '00320'}) SET c.summary = $original", { original });
    }
  }, 60000);

  it('finishes a load of the shipped pages that an earlier start began and did not finish', async () => {
    const original = await summaryOf('00320');
    // What a start killed mid-load leaves: the part marked started, not done, and some pages not (yet) as shipped.
    await t.db.write("MATCH (s:SeedState {part: 'pages'}) SET s.doneAt = null");
    await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '00320'}) SET c.summary = 'half written'");
    expect(await pagesState()).toBe(false);
    await seedPages();
    expect(await summaryOf('00320')).toBe(original);
    expect(await pagesState()).toBe(true);
  }, 60000);
});

describe('start-up with an unreachable NEO4J_URI', () => {
  it('exits non-zero with one clear line naming the URI, no stack trace', async () => {
    const env = { ...process.env, ...testEnv({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_STARTUP_TIMEOUT_MS: '1500', LOG_LEVEL: 'silent', PORT: '45999' }) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bolt://127.0.0.1:1');
    expect(lines[0]).toMatch(/NEO4J_URI/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30000);

  it('exits 2 with one line naming a bad setting', async () => {
    const env = { ...process.env, ...testEnv({ PORT: 'not-a-port' }) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT');
  }, 30000);
});
