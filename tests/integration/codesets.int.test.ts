import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadCodesetFile } from '../../src/ingest/load-codesets';
import { Database } from '../../src/neo4j/database';
import { createDriver } from '../../src/neo4j/driver';
import { loadConfig } from '../../src/config';
import { graphCounts } from '../helpers/test-server';
import { testEnv } from '../helpers/test-env';

const SEEDS = path.resolve(__dirname, '../../seeds/codesets');
const FIXTURES = path.resolve(__dirname, '../fixtures/codesets');

describe('public code sets in the graph (loaded by the test setup from seeds/codesets)', () => {
  const config = loadConfig(testEnv(), false);
  const db = new Database(createDriver(config.neo4j.uri as string, config.neo4j), { database: 'neo4j', queryTimeoutMs: 120000 });
  afterAll(() => db.close());

  const count = async (where: string) => {
    const [r] = await db.read<{ n: number }>(`MATCH (c:Code) WHERE ${where} RETURN count(c) AS n`);
    return r!.n;
  };

  it('holds exactly the rows of the release files, per system and level', async () => {
    // ICD-10-CM FY2026 order file: 98,186 rows = 74,719 billable + 23,467 headers; plus 22 chapters and 297 blocks.
    expect(await count("c.system = 'ICD10CM' AND NOT c.level IN ['chapter', 'block'] AND c.release IS NOT NULL")).toBe(98186);
    expect(await count("c.system = 'ICD10CM' AND c.billable AND c.release IS NOT NULL")).toBe(74719);
    expect(await count("c.system = 'ICD10CM' AND NOT c.billable AND NOT c.level IN ['chapter', 'block']")).toBe(23467);
    expect(await count("c.system = 'ICD10CM' AND c.level = 'chapter'")).toBe(22);
    expect(await count("c.system = 'ICD10CM' AND c.level = 'block'")).toBe(297);
    // ICD-10-PCS FY2026: 79,115 codes and 914 tables.
    expect(await count("c.system = 'ICD10PCS' AND c.level = 'code' AND c.release IS NOT NULL")).toBe(79115);
    expect(await count("c.system = 'ICD10PCS' AND c.level = 'table'")).toBe(914);
    // HCPCS January 2025: 8,259 codes (1,145 terminated, kept inactive) and 383 modifiers.
    expect(await count("c.system = 'HCPCS' AND c.level = 'code' AND c.release IS NOT NULL")).toBe(8259);
    expect(await count("c.system = 'HCPCS' AND c.level = 'code' AND c.active = false")).toBe(1145);
    expect(await count("c.system = 'HCPCS' AND c.level = 'modifier'")).toBe(383);
  });

  it('links every loaded row but the roots to a parent in its own system', async () => {
    const [r] = await db.read<{ orphans: number; cross: number }>(
      `MATCH (c:Code) WHERE c.release IS NOT NULL AND NOT c.level IN ['chapter', 'section'] AND c.codeKey <> 'MODIFIERS'
       OPTIONAL MATCH (c)-[:PARENT]->(p)
       RETURN sum(CASE WHEN p IS NULL THEN 1 ELSE 0 END) AS orphans, sum(CASE WHEN p IS NOT NULL AND p.system <> c.system THEN 1 ELSE 0 END) AS cross`,
    );
    expect(r).toEqual({ orphans: 0, cross: 0 });
  });

  it('re-loading a release file changes nothing (idempotent)', async () => {
    const before = await graphCounts(db);
    const r = await loadCodesetFile(db, path.join(SEEDS, 'HCPC2025_JAN_ANWEB_12172024.txt.gz'));
    expect(r.rows).toBe(8669);
    expect(r.problems).toBe(0);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('reports a malformed line with its number and skips it, storing the rest', async () => {
    const broken = fs.readdirSync(FIXTURES).find((f) => /icd10cm.*broken/i.test(f));
    expect(broken).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeset-'));
    const file = path.join(dir, 'icd10cm_order_2099.txt.gz');
    fs.writeFileSync(file, zlib.gzipSync(fs.readFileSync(path.join(FIXTURES, broken!))));
    const problems: { line: number; message: string }[] = [];
    const before = await graphCounts(db);
    const r = await loadCodesetFile(db, file, { onProblem: (p) => problems.push(p) });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.line > 0 && p.message.length > 0)).toBe(true);
    expect(r.problems).toBe(problems.length);
    expect(await graphCounts(db)).toEqual(before); // the good lines are rows already stored
    await expect(loadCodesetFile(db, file, { strict: true })).rejects.toThrow(/:\d+: /);
  });
});
