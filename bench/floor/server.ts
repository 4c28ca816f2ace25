/**
 * Contender (a), the floor: one hand-written Cypher query per workload
 * (bench/workloads/*.cypher) through neo4j-driver, behind a bare node:http endpoint, so
 * it pays the same HTTP + JSON cost as the GraphQL servers but no GraphQL at all.
 *   POST /  {"w": "w1", "params": {...}}  ->  200 {"data": [records]}  |  500 {"errors": [...]}
 *   GET /bench-stats -> {"queries": n}
 * Run as a child process by bench/run.ts (NEO4J_URI, NEO4J_PASSWORD, PORT).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const WORKLOADS = ['w1-code-page', 'w2-search', 'w3-similar', 'w4-walk'] as const;

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7690';
  const password = process.env.NEO4J_PASSWORD ?? 'medcodes-local-dev';
  const port = Number(process.env.PORT ?? 4103);
  const cypher = new Map<string, string>();
  for (const name of WORKLOADS) {
    cypher.set(name.slice(0, 2), fs.readFileSync(path.join(__dirname, '..', 'workloads', `${name}.cypher`), 'utf8'));
  }
  for (const [w, q] of searchWorkloadCypher()) cypher.set(w, q);
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
  });
  const stats = { queries: 0 };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(stats));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { w, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { w: string; params: Record<string, unknown> };
          const q = cypher.get(w);
          if (!q) throw new Error(`unknown workload ${w}`);
          stats.queries += 1;
          const session = driver.session({ defaultAccessMode: neo4j.session.READ });
          try {
            const result = await session.executeRead((tx) => tx.run(q, params), { timeout: 10000 });
            const body = JSON.stringify({ data: result.records.map((r) => r.toObject()) });
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(body);
          } finally {
            await session.close();
          }
        } catch (err) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: (err as Error).message }] }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`floor ready http://127.0.0.1:${port}/\n`);
  const stop = async () => {
    server.close();
    await driver.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

/** The search-side workloads beyond W2 (owned with the search module): W6 autocomplete. */
function searchWorkloadCypher(): [string, string][] {
  return [['w6', fs.readFileSync(path.join(__dirname, '..', 'workloads', 'w6-suggest.cypher'), 'utf8')]];
}

main().catch((err: unknown) => {
  process.stderr.write(`floor server failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
