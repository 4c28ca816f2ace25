import path from 'node:path';
import { CYPHER_DIR, cypherQuery, listCypherFiles } from '../../src/neo4j/cypher-files';
import { Database } from '../../src/neo4j/database';
import { createDriver } from '../../src/neo4j/driver';
import { loadConfig } from '../../src/config';
import { testEnv } from '../helpers/test-env';

/** Parameters that make every statement plannable (EXPLAIN plans, it does not run). */
const PARAMS: Record<string, unknown> = {
  keys: ['CPT:00300'],
  first: 10,
  skip: 0,
  minShared: 1,
  frequency: null,
  includeSubRegions: true,
  system: 'CPT',
  codeKey: '00300',
  key: 'x',
  label: 'Risk',
  frontier: [],
  edgeLimit: 10,
  code: { system: 'CPT', codeKey: '00300' },
  risks: [],
  indications: [],
  settings: [],
  personnel: [],
  bodyRegions: [],
  bodySystems: [],
  equipment: [],
  alternatives: [],
  policies: [],
  similarCodes: [],
  targets: [],
  terms: [],
  links: [],
  rows: [],
  release: 'x',
  codeSystems: null,
  phrase: null,
  allWords: null,
  allFuzzy: null,
  anyWord: null,
  cap: 10,
  systems: null,
  billableOnly: false,
  includeInactive: false,
  afterTier: null,
  afterB: null,
  afterS: null,
  afterK: null,
  limit: 10,
  hubDegree: 2000,
  anyCap: 10,
  keep: 10,
  perPrefix: 4,
  namesByScore: 4,
  namesShortest: 2,
  parents: [],
  perParent: 10,
  fuzzy: null,
  words: 'x*',
  prefix: 'x',
  refs: [],
};

describe('every Cypher file', () => {
  const config = loadConfig(testEnv(), false);
  const db = new Database(createDriver(config.neo4j.uri as string, config.neo4j), { database: 'neo4j', queryTimeoutMs: 10000 });
  afterAll(() => db.close());
  const files = listCypherFiles(path.join(CYPHER_DIR, 'queries'));

  it('there are query files to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s plans with EXPLAIN and uses only parameters', async (name) => {
    const text = cypherQuery(name); // as the service runs it: fragments expanded, comments dropped
    expect(text).not.toMatch(/\$\{|`\$/); // no string interpolation markers
    expect(text).not.toMatch(/;\s*\S/); // one statement per file
    await expect(db.read(`EXPLAIN ${text}`, PARAMS)).resolves.toBeDefined();
  });
});
