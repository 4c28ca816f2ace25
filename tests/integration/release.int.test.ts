import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CodesetFormatError } from '../../src/ingest/codesets';
import { readConversionTable } from '../../src/ingest/codesets/conversion-table';
import { loadRelease, loadShippedPreviousReleases, ReleaseLoadError } from '../../src/ingest/load-codesets';
import { CodeSystem } from '../../src/domain/code-system';
import { gql, graphCounts, startTestServer, TestServer } from '../helpers/test-server';
import { orderFileChanges, readAddenda, readOrderFile } from '../helpers/release-order-files';

// Whole-file loads and paging through every change share 2 cores with the rest of the suite.
jest.setTimeout(180000);

const SEEDS = path.resolve(__dirname, '../../seeds/codesets');
const FIXTURES = path.resolve(__dirname, '../fixtures/releases');

const CHANGES = `query Changes($system: CodeSystem!, $from: String!, $to: String!, $kind: CodeChangeKind!, $billableOnly: Boolean, $first: Int, $after: String) {
  codeChanges(system: $system, from: $from, to: $to, kind: $kind, billableOnly: $billableOnly, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { kind code { code } before { release title billable } after { release title billable } } }
  }
}`;

const CODE = `query Code($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    code active validIn previousAssignment
    titleHistory { title billable firstRelease lastRelease }
    replacedBy { release code { code validIn } }
    replaces { release code { code validIn } }
  }
}`;

const AS_OF = `query AsOf($system: CodeSystem!, $code: String!, $release: String!) {
  codeAsOf(system: $system, code: $code, release: $release) { code title billable }
}`;

describe('ICD-10-CM and ICD-10-PCS FY2025 and FY2026 side by side (loaded by the test setup)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const changes = async (system: string, kind: string, billableOnly = false) => {
    const codes: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const r: Awaited<ReturnType<typeof gql<Record<string, any>>>> = await gql(t.url, CHANGES, { system, from: 'FY2025', to: 'FY2026', kind, billableOnly, first: 100, after });
      expect(r.errors).toBeUndefined();
      const c: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: any[] } = r.data!.codeChanges;
      total = c.totalCount;
      codes.push(...c.edges.map((e: any) => String(e.node.code.code).replace('.', '')));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    return { total, codes };
  };

  const files = {
    [CodeSystem.ICD10CM]: ['icd10cm_order_2025.txt.gz', 'icd10cm_order_2026.txt.gz', 'icd10cm-order-addenda-2026.txt.gz'],
    [CodeSystem.ICD10PCS]: ['icd10pcs_order_2025.txt.gz', 'icd10pcs_order_2026.txt.gz', 'icd10pcs_order_addenda_2026.txt.gz'],
  } as const;

  it.each([CodeSystem.ICD10CM, CodeSystem.ICD10PCS] as const)('%s: codeChanges counts (and codes) equal those of the two order files, billableOnly narrowing', async (system) => {
    const [older, newer] = files[system];
    const expected = orderFileChanges(readOrderFile(path.join(SEEDS, older)), readOrderFile(path.join(SEEDS, newer)));
    const added = await changes(system, 'ADDED');
    const deleted = await changes(system, 'DELETED');
    const retitled = await changes(system, 'RETITLED');
    expect(added.total).toBe(expected.added.length);
    expect(new Set(added.codes)).toEqual(new Set(expected.added));
    expect(deleted.total).toBe(expected.deleted.length);
    expect(new Set(deleted.codes)).toEqual(new Set(expected.deleted));
    expect(retitled.total).toBe(expected.retitled.length);
    expect(new Set(retitled.codes)).toEqual(new Set(expected.retitled));
    expect((await changes(system, 'ADDED', true)).total).toBe(expected.billable.added);
    expect((await changes(system, 'DELETED', true)).total).toBe(expected.billable.deleted);
    expect((await changes(system, 'RETITLED', true)).total).toBe(expected.billable.retitled);
    // The figures of shared/data/PROVENANCE.md, so a change in either shows.
    const figures = system === CodeSystem.ICD10CM ? [614, 487, 12, 45] : [212, 206, 39, 2];
    expect([added.total, expected.billable.added, deleted.total, retitled.total]).toEqual(figures);
  });

  it('cross-check with the order addenda: ICD-10-CM matches them exactly; the ICD-10-PCS addenda are a subset of the file changes', async () => {
    const cm = readAddenda(path.join(SEEDS, files.ICD10CM[2]));
    const cmAdded = (await changes('ICD10CM', 'ADDED')).codes;
    const cmDeleted = (await changes('ICD10CM', 'DELETED')).codes;
    const cmRetitled = (await changes('ICD10CM', 'RETITLED')).codes;
    // A code that turned from billable into a header is both deleted and added in the addenda (B88.0).
    expect(new Set(cmAdded)).toEqual(new Set([...cm.add].filter((k) => !cm.delete.has(k))));
    expect(new Set(cmDeleted)).toEqual(new Set([...cm.delete].filter((k) => !cm.add.has(k))));
    expect(new Set(cmRetitled)).toEqual(cm.revise);

    const pcs = readAddenda(path.join(SEEDS, files.ICD10PCS[2]));
    const pcsAdded = new Set((await changes('ICD10PCS', 'ADDED')).codes);
    const pcsDeleted = new Set((await changes('ICD10PCS', 'DELETED')).codes);
    expect([pcs.add.size, pcs.delete.size]).toEqual([160, 27]);
    expect([...pcs.add].filter((k) => !pcsAdded.has(k))).toEqual([]);
    expect([...pcs.delete].filter((k) => !pcsDeleted.has(k))).toEqual([]);
    // Its one revision (table 6A4) changed the short title only, so it is no RETITLED code.
    expect([...pcs.revise]).toEqual(['6A4']);
  });

  it('a deleted FY2025 code leads to its FY2026 successors from the conversion table, and they back to it', async () => {
    const table = await readConversionTable(path.join(SEEDS, 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx'));
    const successors = table.entries.filter((e) => e.release === 'FY2026' && e.oldKeys.includes('S301XXA')).map((e) => e.newKey);
    expect(successors.length).toBeGreaterThan(1);
    const r = await gql(t.url, CODE, { system: 'ICD10CM', code: 'S30.1XXA' });
    expect(r.errors).toBeUndefined();
    const deleted = r.data!.code;
    expect(deleted).toMatchObject({ code: 'S30.1XXA', active: false, validIn: ['FY2025'] });
    expect(deleted.replacedBy.map((e: any) => e.code.code.replace('.', '')).sort()).toEqual(successors.sort());
    expect(deleted.replacedBy.every((e: any) => e.release === 'FY2026' && e.code.validIn.join() === 'FY2026')).toBe(true);

    const next = (await gql(t.url, CODE, { system: 'ICD10CM', code: 'S30.11XA' })).data!.code;
    expect(next).toMatchObject({ active: true, validIn: ['FY2026'], previousAssignment: 'S30.1XXA' });
    expect(next.replaces.map((e: any) => e.code.code)).toEqual(['S30.1XXA']);
  });

  it('validIn, titleHistory and codeAsOf tell a code as each release had it', async () => {
    const older = readOrderFile(path.join(SEEDS, 'icd10cm_order_2025.txt.gz'));
    const newer = readOrderFile(path.join(SEEDS, 'icd10cm_order_2026.txt.gz'));
    const unchanged = (await gql(t.url, CODE, { system: 'ICD10CM', code: 'A00.0' })).data!.code;
    expect(unchanged).toMatchObject({ validIn: ['FY2025', 'FY2026'], replacedBy: [], replaces: [] });
    expect(unchanged.titleHistory).toEqual([{ title: newer.get('A000')!.title, billable: true, firstRelease: 'FY2025', lastRelease: 'FY2026' }]);

    const retitled = (await gql(t.url, CODE, { system: 'ICD10CM', code: 'L02.212' })).data!.code;
    expect(retitled.titleHistory).toEqual([
      { title: older.get('L02212')!.title, billable: true, firstRelease: 'FY2025', lastRelease: 'FY2025' },
      { title: newer.get('L02212')!.title, billable: true, firstRelease: 'FY2026', lastRelease: 'FY2026' },
    ]);
    const asOf = async (code: string, release: string) => (await gql(t.url, AS_OF, { system: 'ICD10CM', code, release })).data!.codeAsOf;
    expect(await asOf('L02.212', 'FY2025')).toEqual({ code: 'L02.212', title: older.get('L02212')!.title, billable: true });
    expect(await asOf('L02.212', 'FY2026')).toEqual({ code: 'L02.212', title: newer.get('L02212')!.title, billable: true });
    // B88.0 was billable in FY2025 and is a header in FY2026.
    expect((await asOf('B88.0', 'FY2025')).billable).toBe(true);
    expect((await asOf('B88.0', 'FY2026')).billable).toBe(false);
    expect(await asOf('S30.11XA', 'FY2025')).toBeNull();
    expect(await asOf('S30.1XXA', 'FY2026')).toBeNull();
    // Systems without releases: none listed, none asked for.
    const hcpcs = await gql(t.url, '{ codeReleases(system: HCPCS) cm: codeReleases(system: ICD10CM) code(system: HCPCS, code: "A0021") { validIn titleHistory { title } } }');
    expect(hcpcs.data).toEqual({ codeReleases: [], cm: ['FY2025', 'FY2026'], code: { validIn: [], titleHistory: [] } });
  });

  it('examples/operations/code-changes.graphql: what FY2026 added in chapter I, per block, as the order files say', async () => {
    const op = fs.readFileSync(path.resolve(__dirname, '../../examples/operations/code-changes.graphql'), 'utf8');
    const added: any[] = [];
    let after: string | null = null;
    for (;;) {
      const r: Awaited<ReturnType<typeof gql<Record<string, any>>>> = await gql(t.url, op, { first: 100, after });
      expect(r.errors).toBeUndefined();
      added.push(...r.data!.codeChanges.edges.map((e: any) => e.node));
      if (!r.data!.codeChanges.pageInfo.hasNextPage) break;
      after = r.data!.codeChanges.pageInfo.endCursor;
    }
    const expected = orderFileChanges(readOrderFile(path.join(SEEDS, 'icd10cm_order_2025.txt.gz')), readOrderFile(path.join(SEEDS, 'icd10cm_order_2026.txt.gz')));
    const chapterI = added.filter((n) => n.code.code.startsWith('I'));
    expect(chapterI.map((n) => n.code.code.replace('.', '')).sort()).toEqual(expected.added.filter((k) => k.startsWith('I')).sort());
    expect(chapterI.length).toBeGreaterThan(0);
    for (const n of chapterI) {
      expect(n).toMatchObject({ kind: 'ADDED', before: null, after: { release: 'FY2026' } });
      expect(n.code.validIn).toEqual(['FY2026']);
      // Root first: the chapter, then its block(s) (ranges), then categories.
      expect(n.code.ancestors[0]).toMatchObject({ code: 'I00-I99', title: 'Diseases of the circulatory system' });
      expect(n.code.ancestors.slice(1).some((a: any) => /^I\w\w-I\w\w$/.test(a.code))).toBe(true);
    }
  });

  it('search hides codes deleted in the current release unless asked to include inactive codes', async () => {
    const q = `query($q: String!, $inactive: Boolean) { search(query: $q, systems: [ICD10CM], includeInactive: $inactive, first: 5) { edges { node { code active } } } }`;
    const hidden = await gql(t.url, q, { q: 'S30.1XXA', inactive: false });
    expect(hidden.data!.search.edges.map((e: any) => e.node.code)).not.toContain('S30.1XXA');
    const shown = await gql(t.url, q, { q: 'S30.1XXA', inactive: true });
    expect(shown.data!.search.edges[0].node).toEqual({ code: 'S30.1XXA', active: false });
  });

  it('search as of a release: FY2025 finds the codes FY2026 deleted and not those it added; a release not loaded is refused', async () => {
    const expected = orderFileChanges(readOrderFile(path.join(SEEDS, 'icd10cm_order_2025.txt.gz')), readOrderFile(path.join(SEEDS, 'icd10cm_order_2026.txt.gz')));
    const q = `query($q: String!, $release: String) { search(query: $q, systems: [ICD10CM], release: $release, first: 5) { edges { node { code active } } } }`;
    const codes = async (text: string, release: string | null) => {
      const r = await gql(t.url, q, { q: text, release });
      expect(r.errors).toBeUndefined();
      return r.data!.search.edges.map((e: any) => e.node.code.replace('.', ''));
    };
    const deleted = expected.deleted[0]!;
    const added = expected.added[0]!;
    expect(await codes(deleted, 'FY2025')).toContain(deleted);
    expect(await codes(deleted, null)).not.toContain(deleted);
    expect(await codes(added, 'FY2025')).not.toContain(added);
    expect(await codes(added, 'FY2026')).toContain(added);
    const bad = await gql(t.url, q, { q: 'fracture', release: 'FY2019' });
    expect(bad.errors?.[0]).toMatchObject({ message: 'FY2019 is not a loaded release (loaded: FY2025, FY2026)', extensions: { code: 'BAD_USER_INPUT', argument: 'release' } });
    const junk = await gql(t.url, q, { q: 'fracture', release: "FY2025' OR 1=1" });
    expect(junk.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'release' } });
  });

  it('refuses releases that are not loaded, and a from that is not before to, naming the argument', async () => {
    const bad = async (vars: Record<string, unknown>) => (await gql(t.url, CHANGES, { system: 'ICD10CM', kind: 'ADDED', ...vars })).errors?.[0];
    expect(await bad({ from: 'FY2024', to: 'FY2026' })).toMatchObject({
      message: 'FY2024 is not a loaded release of ICD10CM (loaded: FY2025, FY2026)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
    expect(await bad({ from: 'FY2026', to: 'FY2025' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
    expect(await bad({ from: '2025', to: 'FY2026' })).toMatchObject({ message: 'from must be a release like FY2026, got "2025"' });
    expect(await bad({ system: 'HCPCS', from: 'FY2025', to: 'FY2026' })).toMatchObject({ message: 'HCPCS has no loaded releases' });
  });

  it('loading the shipped FY2025 releases again changes nothing (idempotent)', async () => {
    const before = await graphCounts(t.db);
    const started = Date.now();
    const results = await loadShippedPreviousReleases(t.db);
    process.stderr.write(`[release] FY2025 CM + PCS re-load: ${Date.now() - started} ms (${results.map((r) => `${r.system} ${r.ms} ms`).join(', ')})\n`);
    expect(results.map((r) => [r.added, r.deleted, r.retitled])).toEqual([
      [614, 12, 45],
      [212, 39, 2],
    ]);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('refuses a mismatched file or table with a clear error, and nothing stored changes', async () => {
    const before = await graphCounts(t.db);
    const cm2025 = path.join(SEEDS, 'icd10cm_order_2025.txt.gz');
    await expect(loadRelease(t.db, cm2025, { release: 'FY2027' })).rejects.toThrow(/icd10cm_order_2025\.txt\.gz is named for FY2025, not FY2027/);
    await expect(loadRelease(t.db, cm2025, { release: 'FY2025', system: CodeSystem.ICD10PCS })).rejects.toThrow(/is an order file of ICD10CM, not ICD10PCS/);
    await expect(loadRelease(t.db, cm2025, { release: '2025' })).rejects.toThrow(/release must be a fiscal year like FY2027/);
    await expect(loadRelease(t.db, path.join(SEEDS, 'icd10pcs_order_2025.txt.gz'), { release: 'FY2025', conversionTable: path.join(SEEDS, 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx') })).rejects.toThrow(
      /conversion tables are published for ICD-10-CM only/,
    );
    await expect(loadRelease(t.db, path.join(SEEDS, 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx'), { release: 'FY2026' })).rejects.toThrow(ReleaseLoadError);
    await expect(loadRelease(t.db, path.join(SEEDS, 'HCPC2025_JAN_ANWEB_12172024.txt.gz'), { release: 'FY2025' })).rejects.toThrow(/expected an ICD-10-CM or ICD-10-PCS order file/);
    expect(await graphCounts(t.db)).toEqual(before);
  });
});

describe('a synthetic next release (scratch system beside the shared data, removed afterwards)', () => {
  let t: TestServer;
  const SCRATCH = 'TEST_RELEASES';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-test-'));
  const cleanup = () => t.db.write('MATCH (n) WHERE n.system = $s DETACH DELETE n', { s: SCRATCH });
  const snapshot = async () => {
    const [r] = await t.db.read<{ nodes: string[]; rels: number }>(
      `MATCH (n) WHERE n.system = $s WITH n ORDER BY labels(n)[0], n.codeKey, n.name, n.lastRelease
       OPTIONAL MATCH (n)-[r]->() WITH n, count(r) AS out
       RETURN collect(apoc_free_json) AS nodes, sum(out) AS rels`.replace(
        'apoc_free_json',
        "labels(n)[0] + '|' + coalesce(n.codeKey, n.name) + '|' + coalesce(n.title, '') + '|' + coalesce(n.firstRelease, '') + '|' + coalesce(n.lastRelease, '') + '|' + toString(coalesce(n.active, '')) + '|' + coalesce(n.sortKey, '')",
      ),
      { s: SCRATCH },
    );
    return r!;
  };
  const load = (file: string, release: string, conversionTable?: string) =>
    loadRelease(t.db, path.join(FIXTURES, file), { release, storeAsSystem: SCRATCH, ...(conversionTable ? { conversionTable } : {}) });
  const code = async (key: string) => {
    const [c] = await t.db.read<Record<string, any>>(
      `MATCH (c:Code {system: $s, codeKey: $key})
       RETURN c.title AS title, c.billable AS billable, c.active AS active, c.firstRelease AS firstRelease, c.lastRelease AS lastRelease,
              [(c)-[r:REPLACED_BY]->(n) | n.codeKey + '@' + r.release] AS replacedBy,
              [(c)-[:HAS_VERSION]->(v) | v.firstRelease + '..' + v.lastRelease + ':' + v.title] AS versions,
              [(c)-[:PARENT]->(p) | p.codeKey] AS parent`,
      { s: SCRATCH, key },
    );
    return c ?? null;
  };
  // A conversion table in the official layout, written with exceljs.
  const writeTable = async (name: string, fy: number, rows: [string, string][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`Conversion-Table-FY${fy}`);
    ws.addRow([`This FY ${fy} (October 1, ${fy - 1} Update) Conversion Table includes the new ICD-10-CM codes (synthetic test table).`]);
    ws.addRow(['Current code assignment', 'Effective', 'Previous Code(s) Assignment']);
    for (const [current, previous] of rows) ws.addRow([current, fy - 1, previous]);
    const file = path.join(tmp, name);
    await wb.xlsx.writeFile(file);
    return file;
  };

  beforeAll(async () => {
    t = await startTestServer();
    await cleanup();
  });
  afterAll(async () => {
    await cleanup();
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads FY2025, then FY2026 and a synthetic FY2027 newest last: added, deleted, retitled and conversion edges as the files say', async () => {
    const shared = await graphCounts(t.db);
    const first = await load('icd10cm_order_2025.txt', 'FY2025');
    expect(first).toMatchObject({ direction: 'forward', comparedWith: null, added: 0, deleted: 0 });

    const fy2026 = orderFileChanges(readOrderFile(path.join(FIXTURES, 'icd10cm_order_2025.txt')), readOrderFile(path.join(FIXTURES, 'icd10cm_order_2026.txt')));
    const table2026 = await writeTable('conversion-FY2026.xlsx', 2026, [
      ['B88.01', 'B88.0'],
      ['B88.09', 'B88.0'],
      ['S30.11XA', 'S30.1XXA'],
      ['S30.12XA', 'S30.1XXA'],
      ['L02.217', 'Codes in Categories L00-L08'],
    ]);
    const second = await load('icd10cm_order_2026.txt', 'FY2026', table2026);
    expect(second).toMatchObject({ direction: 'forward', comparedWith: 'FY2025', added: fy2026.added.length, deleted: fy2026.deleted.length, retitled: fy2026.retitled.length, replacedByEdges: 4 });
    for (const k of fy2026.added) expect((await code(k))!.firstRelease).toBe('FY2026');
    for (const k of fy2026.deleted) expect(await code(k)).toMatchObject({ active: false, lastRelease: 'FY2025' });
    expect((await code('L02212'))!.versions).toEqual(['FY2025..FY2025:Cutaneous abscess of back [any part, except buttock]']);
    expect((await code('S301XXA'))!.replacedBy.sort()).toEqual(['S3011XA@FY2026', 'S3012XA@FY2026']);
    expect((await code('B880'))!.replacedBy.sort()).toEqual(['B8801@FY2026', 'B8809@FY2026']);
    expect((await code('L02217'))!.replacedBy).toEqual([]);
    // B88.0 turned into a header: its FY2025 state is kept (billable), the node is the header now.
    expect(await code('B880')).toMatchObject({ billable: false, active: true, versions: ['FY2025..FY2025:Other acariasis'] });

    const fy2027 = orderFileChanges(readOrderFile(path.join(FIXTURES, 'icd10cm_order_2026.txt')), readOrderFile(path.join(FIXTURES, 'icd10cm_order_2027.txt')));
    expect([fy2027.added, fy2027.deleted, fy2027.retitled]).toEqual([['A002'], ['A001'], ['A009']]);
    const table2027 = await writeTable('conversion-FY2027.xlsx', 2027, [['A00.2', 'A00.1']]);
    const third = await load('icd10cm_order_2027.txt', 'FY2027', table2027);
    expect(third).toMatchObject({ comparedWith: 'FY2026', added: 1, deleted: 1, retitled: 1, replacedByEdges: 1 });
    expect(await code('A002')).toMatchObject({ firstRelease: 'FY2027', active: true, parent: ['A00'] });
    expect(await code('A001')).toMatchObject({ lastRelease: 'FY2026', active: false, replacedBy: ['A002@FY2027'], parent: ['A00'] });
    expect(await code('A009')).toMatchObject({ title: 'Cholera, unspecified (synthetic FY2027 title)', versions: ['FY2025..FY2026:Cholera, unspecified'] });
    // Deleted codes keep their place in code order: A00.1 still sorts between A00.0 and A00.2's neighbours.
    const order = await t.db.read<{ k: string }>("MATCH (c:Code {system: $s}) WHERE c.codeKey STARTS WITH 'A00' AND c.level <> 'block' RETURN c.codeKey AS k ORDER BY c.sortKey", { s: SCRATCH });
    expect(order.map((r) => r.k)).toEqual(['A00', 'A000', 'A001', 'A002', 'A009']);
    const releases = await t.db.read<{ name: string }>('MATCH (r:CodeRelease {system: $s}) RETURN r.name AS name ORDER BY name', { s: SCRATCH });
    expect(releases.map((r) => r.name)).toEqual(['FY2025', 'FY2026', 'FY2027']);

    // Again: the same plan, written again, nothing changes.
    const before = await snapshot();
    const again = await load('icd10cm_order_2027.txt', 'FY2027', table2027);
    expect(again).toMatchObject({ added: 1, deleted: 1, retitled: 1, replacedByEdges: 1 });
    expect(await snapshot()).toEqual(before);

    // The shared data was not touched but for the scratch nodes.
    const [scratch] = await t.db.read<{ n: number }>('MATCH (n) WHERE n.system = $s RETURN count(n) AS n', { s: SCRATCH });
    expect((await graphCounts(t.db)).nodes - scratch!.n).toBe(shared.nodes);
  });

  it('refuses a malformed line, a label the file name contradicts, a table of another release and a release between loaded ones; nothing changes', async () => {
    const before = await snapshot();
    const err = await load('icd10cm_order_2027_malformed.txt', 'FY2027').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodesetFormatError);
    expect((err as Error).message).toMatch(/icd10cm_order_2027_malformed\.txt:11: expected valid flag 0 or 1 in column 15, got 'X'/);
    await expect(load('icd10cm_order_2027.txt', 'FY2028')).rejects.toThrow(/named for FY2027, not FY2028/);
    const table2026 = await writeTable('conversion-FY2026-again.xlsx', 2026, [['B88.01', 'B88.0']]);
    await expect(load('icd10cm_order_2027.txt', 'FY2027', table2026)).rejects.toThrow(/is the FY2026 conversion table; this load needs the FY2027 one/);
    const unknownNew = await writeTable('conversion-FY2027-bad.xlsx', 2027, [['A00.3', 'A00.1']]);
    await expect(load('icd10cm_order_2027.txt', 'FY2027', unknownNew)).rejects.toThrow(/A003 is not a code of ICD10CM FY2027/);
    await expect(load('icd10cm_order_2026.txt', 'FY2026')).rejects.toThrow(/FY2026 lies between the loaded releases FY2025, FY2026, FY2027/);
    expect(await snapshot()).toEqual(before);
  });
});
