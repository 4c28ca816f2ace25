/**
 * Times (and optionally PROFILEs) each Cypher file our API runs for one code, against the
 * bench Neo4j: which of the code-page queries costs what.
 *   npx tsx bench/tools/profile-queries.ts [SYSTEM:codeKey] [--profile name]
 * Needs the bench Neo4j running (npm run bench -- --keep-neo4j leaves it up), bolt 7690.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const key = argv.find((a) => a.includes(':')) ?? 'CPT:00300';
  const pi = argv.indexOf('--profile');
  const profileName = pi >= 0 ? argv[pi + 1] : null;
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7690';
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.LOCAL_NEO4J_PASSWORD ?? 'medcodes-local-dev'), { disableLosslessIntegers: true });
  const dir = path.resolve(__dirname, '..', '..', 'cypher', 'queries', 'code');
  // fields: every relationship the details query can read (a full code page asks for all of them).
  const fields = ['risks', 'indications', 'settings', 'personnel', 'bodyRegions', 'bodySystems', 'equipment', 'policies', 'alternatives', 'parent'];
  const params = { keys: [key], fields, first: neo4j.int(10), minShared: neo4j.int(2), frequency: null, skip: neo4j.int(0) };
  try {
    for (const f of fs.readdirSync(dir).sort()) {
      const q = fs.readFileSync(path.join(dir, f), 'utf8');
      const times: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const t0 = performance.now();
        await driver.executeQuery(q, params, { routing: neo4j.routing.READ });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      process.stdout.write(`${f.padEnd(48)} median ${times[3]?.toFixed(1)} ms  min ${times[0]?.toFixed(1)} ms\n`);
      if (profileName && f.startsWith(profileName)) {
        const r = await driver.executeQuery(`PROFILE ${q}`, params);
        const plan = r.summary.profile;
        const walk = (p: typeof plan, depth: number): void => {
          if (!p) return;
          process.stdout.write(`${'  '.repeat(depth)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits}\n`);
          for (const c of p.children) walk(c, depth + 1);
        };
        walk(plan, 1);
      }
    }
  } finally {
    await driver.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
