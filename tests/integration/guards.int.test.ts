import { serverMetrics } from '../../src/server';
import { EDITOR_KEY } from '../helpers/test-env';
import { gql, graphCounts, startTestServer, TestServer } from '../helpers/test-server';

interface Raw {
  status: number;
  body: any;
  ms: number;
  cpuMs: number;
  executions: number;
}

/** Hostile requests against a production-mode server: each must be refused fast, with a code, before any resolver runs. */
describe('guard rails (NODE_ENV=production)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = async (init: RequestInit & { url?: string }): Promise<Raw> => {
    const calls = serverMetrics.executions;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const res = await fetch(init.url ?? t.url, init);
    const text = await res.text();
    const ms = performance.now() - t0;
    // CPU time of this process (client and in-process server) for the request: what a
    // refusal costs, independent of how many other processes share the cores (wall-clock
    // time is not, and made these bounds flaky on a loaded machine).
    const used = process.cpuUsage(cpu0);
    const cpuMs = (used.user + used.system) / 1000;
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body, ms, cpuMs, executions: serverMetrics.executions - calls };
  };
  const post = (query: string, variables: Record<string, unknown> = {}) => send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

  const nest = (depth: number) => {
    let q = '{ code(system: ICD10CM, code: "R42") { ';
    for (let i = 0; i < depth; i++) q += 'parent { ';
    q += 'code' + ' }'.repeat(depth) + ' } }';
    return q;
  };

  const expectRejected = (r: Raw, code: string) => {
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(r.cpuMs).toBeLessThan(100);
    expect(r.executions).toBe(0);
  };

  // warm up so the first measured request does not pay for JIT and connection set-up
  beforeAll(async () => {
    await post('{ __typename }');
    await post(nest(3));
  });

  it('depth 30', async () => {
    const r = await post(nest(30));
    expectRejected(r, 'QUERY_TOO_COMPLEX');
    expect(r.body.errors[0].message).not.toMatch(/\d/); // no limit numbers in production
  });

  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: code(system: CPT, code: "00300") { code }`).join(' ')} }`;

  it('500 aliases', async () => {
    const q = aliases(500);
    const r = await post(q);
    expect(r.status).toBe(400);
    expect(['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED']).toContain(r.body.errors[0].extensions.code);
    expect(r.cpuMs).toBeLessThan(100);
    expect(r.executions).toBe(0);
  });

  it('500 aliases within the token limit', async () => {
    const t2 = await startTestServer({ NODE_ENV: 'production', MAX_TOKENS: '100000' });
    try {
      const q = aliases(500);
      await send({ url: t2.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: aliases(40) }) });
      const r = await send({ url: t2.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
      expectRejected(r, 'QUERY_TOO_COMPLEX');
    } finally {
      await t2.close();
    }
  });

  it('51 directives', async () => {
    const q = `{ __typename ${'@include(if: true) '.repeat(51)} }`;
    expectRejected(await post(q), 'QUERY_TOO_COMPLEX');
  });

  it('3,000 tokens', async () => {
    const q = `{ ${'__typename '.repeat(3000)} }`;
    const r = await post(q);
    expectRejected(r, 'GRAPHQL_PARSE_FAILED');
  });

  it('a fragment bomb', async () => {
    const frags = ['fragment F0 on Code { code title }'];
    for (let i = 1; i < 12; i++) frags.push(`fragment F${i} on Code { parent { ...F${i - 1} } children { ...F${i - 1} } }`);
    const q = `{ code(system: ICD10CM, code: "R42") { ...F11 } } ${frags.join(' ')}`;
    expectRejected(await post(q), 'QUERY_TOO_COMPLEX');
  });

  it('a recursive fragment', async () => {
    const q = `{ code(system: ICD10CM, code: "R42") { ...A } } fragment A on Code { parent { ...B } } fragment B on Code { parent { ...A } }`;
    const r = await post(q);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toMatch(/GRAPHQL_VALIDATION_FAILED|QUERY_TOO_COMPLEX/);
    expect(r.executions).toBe(0);
  });

  it('first: $n with n = 1,000,000', async () => {
    const q = `query($n: Int) { search(query: "anesthesia", first: $n) { edges { node { code risks { risk { name } } } } } }`;
    const r = await post(q, { n: 1_000_000 });
    expectRejected(r, 'QUERY_TOO_COMPLEX');
  });

  it('first: 100000 inline', async () => {
    expectRejected(await post(`{ risks(first: 100000) { edges { node { name } } } }`), 'QUERY_TOO_COMPLEX');
  });

  it('first over the page limit but cheap: BAD_USER_INPUT', async () => {
    const r = await post(`{ risks(first: 101) { totalCount } }`);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('a 1 MB body', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024) } });
    const r = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.cpuMs).toBeLessThan(100);
    expect(r.executions).toBe(0);
  });

  it('a JSON array body (batching is off)', async () => {
    const r = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(r.status).toBe(400);
    expect(r.cpuMs).toBeLessThan(100);
    expect(r.executions).toBe(0);
    expect(JSON.stringify(r.body)).toMatch(/batch/i);
  });

  it('a simple GET without CSRF headers', async () => {
    const r = await send({ method: 'GET', url: `${t.url}?query=${encodeURIComponent('{ __typename }')}` });
    expect(r.status).toBe(400);
    expect(r.cpuMs).toBeLessThan(100);
    expect(r.executions).toBe(0);
  });

  it('malformed JSON and malformed GraphQL are 400s, never 500s', async () => {
    const bad = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const parse = await post('{ code(system: CPT, code: "00300") { title ');
    expect(parse.status).toBe(400);
    expect(parse.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('in production: no field suggestions, no stack traces', async () => {
    const r = await post('{ code(system: CPT, code: "00300") { titel } }');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|\bat \w+ \(/);
  });

  it('hides an unexpected error as INTERNAL_SERVER_ERROR with a generic message', async () => {
    const original = t.services.db.read.bind(t.services.db);
    const spy = jest.spyOn(t.services.db.constructor.prototype, 'read').mockImplementationOnce(async () => {
      throw new Error('secret detail from deep inside');
    });
    try {
      const r = await post(`{ bodyRegions { name } }`);
      expect(r.body.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(r.body)).not.toContain('secret detail');
    } finally {
      spy.mockRestore();
      void original;
    }
  });

  it('introspection can be switched off with one setting', async () => {
    const closed = await startTestServer({ NODE_ENV: 'production', INTROSPECTION: 'false', SANDBOX: 'false' });
    try {
      const r = await gql(closed.url, '{ __schema { types { name } } }');
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const page = await fetch(closed.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('embeddable-sandbox');
    } finally {
      await closed.close();
    }
  });
});

describe('hostile strings write nothing and never fail the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await t.close();
  });

  const HOSTILE = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"; MATCH (n) DETACH DELETE n; //',
    'CALL db.index.fulltext.queryNodes("code_title_fulltext", "*")',
    '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
    'AND OR NOT',
    'x'.repeat(10000),
    'ünïcödé 麻酔 🦴 \u0000 \u202e',
  ];

  it.each(HOSTILE.map((s) => [s.slice(0, 40), s]))('search %s: 200 or BAD_USER_INPUT', async (_label, s) => {
    const before = await graphCounts(t.db);
    const r = await gql(t.url, 'query($q: String!) { search(query: $q) { totalCount } }', { q: s });
    expect(r.status).toBe(200);
    if (r.errors) expect(r.errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it.each(HOSTILE.map((s) => [s.slice(0, 40), s]))('importCodePage %s: BAD_USER_INPUT, nothing written', async (_label, s) => {
    const before = await graphCounts(t.db);
    const r = await gql(t.url, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "09990") { created } }', { t: s }, { authorization: `Bearer ${EDITOR_KEY}` });
    expect(r.status).toBe(200);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('a page whose fields carry Cypher and HTML is stored as plain text', async () => {
    const page = [
      'Search all medical codes',
      '',
      "Evil title '}) DETACH DELETE n // <script>alert(1)</script>",
      '',
      'CPT4 code',
      '',
      'Summary',
      '',
      'MATCH (n) DETACH DELETE n; $param ${x}',
      '',
      'Risks and Complications',
      '',
      "  • Common: '}) DETACH DELETE n //, <img src=x>",
      '',
    ].join('\n');
    const before = await graphCounts(t.db);
    const r = await gql(t.url, 'mutation($t: String!) { importCodePage(text: $t, system: CPT, code: "09991") { code { title summary } } }', { t: page }, { authorization: `Bearer ${EDITOR_KEY}` });
    expect(r.errors).toBeUndefined();
    expect(r.data!.importCodePage.code.title).toContain('<script>');
    const hit = await gql(t.url, '{ search(query: "evil title", first: 1) { edges { highlight } } }');
    expect(hit.data!.search.edges[0].highlight).toContain('&lt;script&gt;');
    const after = await graphCounts(t.db);
    expect(after.nodes).toBeGreaterThanOrEqual(before.nodes);
    await t.db.write(`MATCH (c:Code {system: 'CPT', codeKey: '09991'}) OPTIONAL MATCH (c)-[:HAS_RISK]->(r:Risk) WHERE NOT coalesce(r.curated, false) AND COUNT { (r)<--() } = 1 DETACH DELETE c, r`);
    expect(await graphCounts(t.db)).toEqual(before);
  });
});
