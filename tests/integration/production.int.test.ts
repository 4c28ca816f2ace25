/**
 * Production defaults, /metrics, and cacheable reads (persisted queries over GET with
 * ETags), through HTTP against the in-process server and the test Neo4j (issue 17).
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentHash } from '../../src/http/persisted-get';
import { EDITOR_KEY } from '../helpers/test-env';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');
const CODE_PAGE = fs.readFileSync(path.join(ROOT, 'examples/operations/code-page.graphql'), 'utf8');
const SEED_PAGE = fs.readFileSync(path.join(ROOT, 'seeds/pages/cpt-00300.txt'), 'utf8');
const editor = { authorization: `Bearer ${EDITOR_KEY}` };

const json = async (res: Response): Promise<any> => res.json();

/** The GET URL of a persisted query in Apollo's APQ protocol. */
function apqUrl(base: string, hash: string, variables?: Record<string, unknown>, operationName?: string): string {
  const p = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) });
  if (variables) p.set('variables', JSON.stringify(variables));
  if (operationName) p.set('operationName', operationName);
  return `${base}?${p.toString()}`;
}

describe('production by default (NODE_ENV unset)', () => {
  let prod: TestServer;
  let dev: TestServer;
  beforeAll(async () => {
    prod = await startTestServer({ NODE_ENV: '' });
    dev = await startTestServer({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  it('an unknown field answers 400 with no stack trace and no suggestion anywhere in the body', async () => {
    expect(prod.services.config.env).toBe('production');
    const res = await fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ code(system: CPT, code: "00300") { titel } }' }) });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/stacktrace|node_modules|Did you mean/);
  });

  it('development (npm run dev) shows the stack trace and the suggestion', async () => {
    const res = await fetch(dev.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ code(system: CPT, code: "00300") { titel } }' }) });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toMatch(/stacktrace/);
    expect(text).toMatch(/Did you mean/);
  });
});

describe('/metrics', () => {
  let t: TestServer;
  let locked: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    locked = await startTestServer({ METRICS_TOKEN: 'metrics-token-0123456789' });
  });
  afterAll(async () => {
    await t.close();
    await locked.close();
  });

  it('shows requests by operation and outcome, latency, errors by code, Neo4j query times, sessions and the read gate', async () => {
    expect((await gql(t.url, CODE_PAGE)).errors).toBeUndefined();
    await gql(t.url, '{ code(system: CPT, code: "00300") { titel } }');
    await gql(t.url, 'query Broken { search(query: "dizz", first: 100000) { totalCount } }');
    const res = await fetch(`${t.server.url}/metrics`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(/^graphql_requests_total\{operation="CodePage",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^graphql_requests_total\{operation="anonymous",outcome="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="CodePage"\} 1$/m);
    expect(text).toMatch(/^neo4j_query_duration_seconds_count\{mode="READ",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_sessions_in_use 0$/m);
    expect(text).toMatch(/^neo4j_pool_max \d+$/m);
    expect(text).toMatch(/^neo4j_read_gate_waiting 0$/m);
    expect(text).toMatch(/^neo4j_read_gate_active 0$/m);
    expect(text).toMatch(/^http_responses_total\{route="\/graphql",method="POST",status="200"\} [1-9]/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('needs the token when METRICS_TOKEN is set', async () => {
    expect((await fetch(`${locked.server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${locked.server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    const ok = await fetch(`${locked.server.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/graphql_requests_total/);
  });
});

describe('cacheable reads: persisted queries over GET with ETag and 304', () => {
  let t: TestServer;
  let examplesOnly: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    examplesOnly = await startTestServer({ PERSISTED_GET: 'examples' });
  });
  afterAll(async () => {
    await t.close();
    await examplesOnly.close();
  });

  it('serves an example operation by hash with Cache-Control and an ETag; If-None-Match gives 304; an import gives 200 with a new ETag', async () => {
    const url = apqUrl(t.url, documentHash(CODE_PAGE), { system: 'CPT', code: '00300' });
    const first = await fetch(url);
    const body = await json(first);
    expect(first.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.code.code).toBe('00300');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{20}"$/);

    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');

    // other variables are another resource
    const other = await fetch(apqUrl(t.url, documentHash(CODE_PAGE), { system: 'CPT', code: '00400' }), { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);

    // re-importing the seed page (idempotent: same graph) is an import: the data version moves
    const imp = await gql(t.url, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "00300") { created } }', { t: SEED_PAGE }, editor);
    expect(imp.errors).toBeUndefined();
    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const etag2 = after.headers.get('etag')!;
    expect(etag2).toMatch(/^"v\d+-/);
    expect(etag2).not.toBe(etag);
    expect(Number(/^"v(\d+)-/.exec(etag2)![1])).toBeGreaterThan(Number(/^"v(\d+)-/.exec(etag)![1]));
    expect((await fetch(url, { headers: { 'if-none-match': etag2 } })).status).toBe(304);
  });

  it('follows the APQ protocol: unknown hash -> PERSISTED_QUERY_NOT_FOUND, registered by POST, then served by GET', async () => {
    const query = `{ code(system: ICD10CM, code: "R42") { title } } # ${Date.now()}`;
    const hash = documentHash(query);
    const miss = await fetch(apqUrl(t.url, hash));
    const missBody = await json(miss);
    expect(missBody.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(miss.headers.get('cache-control')).toBe('no-store');
    const reg = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect((await json(reg)).data.code.title).toBe('Dizziness and giddiness');
    const hit = await fetch(apqUrl(t.url, hash));
    expect(hit.status).toBe(200);
    expect((await json(hit)).data.code.title).toBe('Dizziness and giddiness');
    expect(hit.headers.get('etag')).toMatch(/^"v\d+-/);
  });

  it('keeps mutations and query text POST-only (CSRF rules kept)', async () => {
    const textGet = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(textGet.status).toBe(400);
    expect((await json(textGet)).errors[0].message).toMatch(/persisted queries only/);
    const mutation = 'mutation($t: String!) { importCodePage(text: $t) { created } }';
    const reg = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...editor },
      body: JSON.stringify({ query: mutation, variables: { t: 'not a page' }, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(mutation) } } }),
    });
    expect((await json(reg)).errors).toBeDefined(); // registered (the page itself is refused)
    const viaGet = await fetch(apqUrl(t.url, documentHash(mutation), { t: 'x' }), { headers: editor });
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('cache-control')).toBe('no-store');
    const badHash = await fetch(apqUrl(t.url, 'xyz'));
    expect(badHash.status).toBe(400);
  });

  it('PERSISTED_GET=examples: an allow-list of the example operations over GET', async () => {
    const ok = await fetch(apqUrl(examplesOnly.url, documentHash(CODE_PAGE)));
    expect(ok.status).toBe(200);
    const other = await fetch(apqUrl(examplesOnly.url, documentHash('{ __typename }')));
    expect(other.status).toBe(400);
    expect((await json(other)).errors[0].message).toMatch(/only the example operations/);
  });
});
