import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startTestServer, TestServer } from '../helpers/test-server';

const CODE_PAGE = fs.readFileSync(path.resolve(__dirname, '../../examples/operations/code-page.graphql'), 'utf8');
/** 30 s by default as the issue asks; CI may set LOAD_TEST_SECONDS shorter. */
const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? 30);
const CONNECTIONS = 64;

describe(`load: ${CONNECTIONS} connections on the code-page query`, () => {
  let t: TestServer;
  beforeAll(async () => {
    // 64 connections on 2 cores is past this machine's capacity for whole pages (about 50/s):
    // requests queue, so the per-query deadline is raised from the 4 s default to 20 s here.
    t = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: '20000', LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'silent' });
    // warm Neo4j's caches (the fault tests may have just restarted it)
    for (let i = 0; i < 5; i++) await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CODE_PAGE }) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has zero errors, timeouts, non-2xx responses and bodies with errors', async () => {
    let badBodies = 0;
    const samples: string[] = [];
    const result = await autocannon({
      url: t.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CODE_PAGE }),
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 20,
      verifyBody: (raw) => {
        const body = String(raw ?? '');
        const ok = body.includes('"code":"00300"') && !body.includes('"errors"');
        if (!ok) {
          badBodies += 1;
          if (samples.length < 3) samples.push(body.slice(0, 300));
        }
        return ok;
      },
    });
    const l = result.latency;
    process.stdout.write(
      `load (${CONNECTIONS} connections, ${SECONDS} s): ${result.requests.total} requests, ${result.requests.average} req/s; ` +
        `latency p50 ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, max ${l.max} ms\n`,
    );
    if (samples.length) process.stdout.write(`bad bodies (first ${samples.length}): ${samples.join(' | ')}\n`);
    expect(result.requests.total).toBeGreaterThan(CONNECTIONS);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.mismatches).toBe(0);
    expect(badBodies).toBe(0);
  }, 180000);
});
