import fs from 'node:fs';
import path from 'node:path';
import { cypherQuery } from '../../src/neo4j/cypher-files';
import { STORED_LIST_SIZE } from '../../src/ingest/store/code-lists.store';
import { EDITOR_KEY } from '../helpers/test-env';
import { gql, startTestServer, TestServer } from '../helpers/test-server';

/**
 * Similar codes and codes sharing risks are computed when pages are imported and stored as
 * ranked edges (src/ingest/store/code-lists.store.ts). These tests hold the stored lists to
 * the reference computation (cypher/queries/code/reference/*, the read-time Cypher of before),
 * for every code with a page, and check that an import updates the lists of the other codes
 * it changes, in the same transaction.
 */
const PAGES = path.resolve(__dirname, '../../seeds/pages');
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const IMPORT = `mutation Import($text: String!, $system: CodeSystem, $code: String) {
  importCodePage(text: $text, system: $system, code: $code) { created }
}`;
const LISTS = `query Lists($system: CodeSystem!, $code: String!, $first: Int, $min: Int) {
  code(system: $system, code: $code) {
    similarCodes(first: $first) {
      score listed hierarchyDistance code { system code }
      sharedRisks { name } sharedBodyRegions { name } sharedPersonnel { name } sharedSettings { name }
    }
    codesSharingRisks(minShared: $min, first: $first) { code { system code } sharedRisks { name } }
  }
}`;

const Q = {
  storedSimilar: cypherQuery('code/get-similar-codes-by-code-ref'),
  storedSharing: cypherQuery('code/get-codes-sharing-risks-by-code-ref'),
  refSimilar: cypherQuery('code/reference/compute-similar-codes-by-code-ref'),
  refSharing: cypherQuery('code/reference/compute-codes-sharing-risks-by-code-ref'),
};

type Row = { key: string; items: Record<string, unknown>[]; stored?: boolean };
/** A list as comparable data: code refs, scores, flags and term keys, in order. */
const similarShape = (items: Record<string, unknown>[], term = 'key') =>
  items.map((x) => {
    const c = x.code as Record<string, unknown>;
    const keys = (v: unknown) => ((v as Record<string, unknown>[]) ?? []).map((t) => t[term]);
    return {
      ref: `${String(c.system)}:${String(c.codeKey)}`,
      score: x.score,
      listed: x.listed,
      hd: x.hierarchyDistance ?? null,
      risks: keys(x.sharedRisks),
      regions: keys(x.sharedBodyRegions),
      roles: keys(x.sharedPersonnel),
      settings: keys(x.sharedSettings),
    };
  });
const sharingShape = (items: Record<string, unknown>[], term = 'key') =>
  items.map((x) => {
    const c = x.code as Record<string, unknown>;
    return { ref: `${String(c.system)}:${String(c.codeKey)}`, risks: ((x.sharedRisks as Record<string, unknown>[]) ?? []).map((t) => t[term]) };
  });

// The reference computation over every page code takes seconds on a shared 2-core machine.
jest.setTimeout(180000);

describe('stored similar codes and codes sharing risks', () => {
  let t: TestServer;
  let pageRefs: string[];
  beforeAll(async () => {
    t = await startTestServer();
    const rows = await t.db.read<{ ref: string }>('MATCH (c:Code) WHERE c.hasPage = true RETURN c.system + ":" + c.codeKey AS ref ORDER BY ref');
    pageRefs = rows.map((r) => r.ref);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Stored (what reads serve) and reference (computed now) lists of `refs`, keyed by ref. */
  async function bothLists(refs: string[], first = STORED_LIST_SIZE, minShared = 1) {
    const [ss, sh, rs, rh] = await Promise.all([
      t.db.read<Row>(Q.storedSimilar, { keys: refs, first }, 60000),
      t.db.read<Row>(Q.storedSharing, { keys: refs, first, minShared }, 60000),
      t.db.read<Row>(Q.refSimilar, { keys: refs, first }, 60000),
      t.db.read<Row>(Q.refSharing, { keys: refs, first, minShared }, 60000),
    ]);
    const by = (rows: Row[], shape: (i: Record<string, unknown>[]) => unknown) => Object.fromEntries(rows.map((r) => [r.key, shape(r.items)]));
    return {
      storedFlags: Object.fromEntries(ss.map((r) => [r.key, r.stored])),
      stored: { similar: by(ss, similarShape), sharing: by(sh, sharingShape) },
      reference: { similar: by(rs, similarShape), sharing: by(rh, sharingShape) },
    };
  }

  it('every code with a page has stored lists equal to the reference computation (same order, same scores)', async () => {
    expect(pageRefs.length).toBeGreaterThanOrEqual(35);
    const both = await bothLists(pageRefs);
    for (const ref of pageRefs) expect({ ref, stored: both.storedFlags[ref] }).toEqual({ ref, stored: true });
    expect(both.stored).toEqual(both.reference);
    // Not vacuous: most pages have similar codes and codes sharing risks.
    const nonEmpty = pageRefs.filter((r) => (both.stored.similar[r] as unknown[]).length > 0 && (both.stored.sharing[r] as unknown[]).length > 0);
    expect(nonEmpty.length).toBeGreaterThan(30);
  });

  it('shorter pages and minShared filters of the stored lists equal the reference too', async () => {
    for (const [first, minShared] of [
      [1, 1],
      [10, 2],
      [25, 3],
    ] as const) {
      const both = await bothLists(pageRefs, first, minShared);
      expect(both.stored).toEqual(both.reference);
    }
  });

  it('the API serves the reference answer, also for codes without a page (computed at read time)', async () => {
    const [sample] = await t.db.read<{ refs: string[] }>(
      "MATCH (c:Code) WHERE c.system = 'ICD10CM' AND coalesce(c.hasPage, false) = false AND c.similarStored IS NULL WITH c ORDER BY c.sortKey SKIP 5000 LIMIT 5 RETURN collect(c.system + ':' + c.codeKey) AS refs",
    );
    const refs = [...pageRefs.slice(0, 5), ...sample!.refs];
    expect(refs).toHaveLength(10);
    const [refSim, refSh] = await Promise.all([t.db.read<Row>(Q.refSimilar, { keys: refs, first: 10 }, 60000), t.db.read<Row>(Q.refSharing, { keys: refs, first: 10, minShared: 1 }, 60000)]);
    const reference = {
      similar: Object.fromEntries(refSim.map((r) => [r.key, similarShape(r.items, 'name')])),
      sharing: Object.fromEntries(refSh.map((r) => [r.key, sharingShape(r.items, 'name')])),
    };
    for (const ref of refs) {
      const [system, code] = ref.split(':');
      const r = await gql(t.url, LISTS, { system, code, first: 10, min: 1 });
      expect(r.errors).toBeUndefined();
      const api = r.data!.code;
      const refSimilar = reference.similar[ref];
      expect(
        api.similarCodes.map((s: any) => ({
          ref: `${s.code.system}:${s.code.code.replace('.', '')}`,
          score: s.score,
          listed: s.listed,
          hd: s.hierarchyDistance,
          risks: s.sharedRisks.map((x: any) => x.name),
          regions: s.sharedBodyRegions.map((x: any) => x.name),
          roles: s.sharedPersonnel.map((x: any) => x.name),
          settings: s.sharedSettings.map((x: any) => x.name),
        })),
      ).toEqual(refSimilar);
      expect(api.codesSharingRisks.map((s: any) => ({ ref: `${s.code.system}:${s.code.code.replace('.', '')}`, risks: s.sharedRisks.map((x: any) => x.name) }))).toEqual(reference.sharing[ref]);
    }
    // Codes without a page still have similar codes (their hierarchy siblings).
    expect(reference.similar[sample!.refs[0]!]!.length).toBeGreaterThan(0);
  });

  it('importing a page updates the lists of the other codes it changes, and restoring it restores them', async () => {
    // B keeps its page; A (another page code) gets B's page text: A then shares every risk,
    // region, role and setting of B, so it must rise to the top of B's computed lists.
    const B = { system: 'CPT', code: '00300' };
    const A = { system: 'CPT', code: '01630' };
    const bRef = 'CPT:00300';
    const aRef = 'CPT:01630';
    const original = fs.readFileSync(path.join(PAGES, 'cpt-01630.txt'), 'utf8');
    const bPage = fs.readFileSync(path.join(PAGES, 'cpt-00300.txt'), 'utf8');
    const before = await gql(t.url, LISTS, { ...B, first: 10, min: 1 });
    const beforeA = await gql(t.url, LISTS, { ...A, first: 10, min: 1 });
    expect(before.errors).toBeUndefined();
    expect(beforeA.errors).toBeUndefined();
    const firstUnlisted = (r: typeof before) => r.data!.code.similarCodes.find((s: any) => !s.listed);
    expect(firstUnlisted(before).code).not.toEqual(A);
    try {
      const imported = await gql(t.url, IMPORT, { text: bPage, ...A }, editor);
      expect(imported.errors).toBeUndefined();
      const afterB = await gql(t.url, LISTS, { ...B, first: 10, min: 1 });
      const afterA = await gql(t.url, LISTS, { ...A, first: 10, min: 1 });
      // B's list changed: A is now its most similar unlisted code, sharing all of B's risks.
      expect(firstUnlisted(afterB).code).toEqual(A);
      expect(firstUnlisted(afterB).score).toBeGreaterThan(firstUnlisted(before).score);
      expect(afterB.data!.code.codesSharingRisks[0].code).toEqual(A);
      expect(afterB.data!.code.similarCodes).not.toEqual(before.data!.code.similarCodes);
      // And A's own lists changed the same way.
      expect(firstUnlisted(afterA).code).toEqual(B);
      expect(afterA.data!.code.codesSharingRisks[0].code).toEqual(B);
      expect(afterA.data!.code.similarCodes).not.toEqual(beforeA.data!.code.similarCodes);
      // Every stored list equals the reference after the import (all page codes, not only A and B).
      const both = await bothLists(pageRefs);
      expect(both.stored).toEqual(both.reference);
      expect(both.stored.similar[bRef]).toEqual(both.reference.similar[bRef]);
      expect(both.stored.similar[aRef]).toEqual(both.reference.similar[aRef]);
    } finally {
      const restored = await gql(t.url, IMPORT, { text: original, ...A }, editor);
      expect(restored.errors).toBeUndefined();
    }
    expect((await gql(t.url, LISTS, { ...B, first: 10, min: 1 })).data).toEqual(before.data);
    expect((await gql(t.url, LISTS, { ...A, first: 10, min: 1 })).data).toEqual(beforeA.data);
    const both = await bothLists(pageRefs);
    expect(both.stored).toEqual(both.reference);
  });

  it('a batch import marks the lists it changes stale (read exactly meanwhile) and stores them once at its end', async () => {
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-lists-'));
    const bPage = fs.readFileSync(path.join(PAGES, 'cpt-00300.txt'), 'utf8');
    const originals = ['cpt-01630.txt', 'cpt-01740.txt'].map((f) => path.join(PAGES, f));
    const before = await bothLists(pageRefs);
    try {
      for (const f of ['cpt-01630.txt', 'cpt-01740.txt']) fs.writeFileSync(path.join(dir, f), bPage);
      const summary = await t.services.importer.importFiles(fs.readdirSync(dir).map((f) => path.join(dir, f)));
      expect(summary.failed).toEqual([]);
      expect(summary.listsRecomputed).toBeGreaterThan(2);
      const [stale] = await t.db.read<{ n: number }>('MATCH (c:Code) WHERE c.hasPage = true AND coalesce(c.similarStored, false) = false RETURN count(c) AS n');
      expect(stale!.n).toBe(0);
      const after = await bothLists(pageRefs);
      expect(after.stored).toEqual(after.reference);
      expect(after.stored.similar['CPT:00300']).not.toEqual(before.stored.similar['CPT:00300']);
    } finally {
      const restored = await t.services.importer.importFiles(originals);
      expect(restored.failed).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const again = await bothLists(pageRefs);
    expect(again.stored).toEqual(before.stored);
    expect(again.stored).toEqual(again.reference);
  });
});
