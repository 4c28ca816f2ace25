import { CodeSystem } from '../../src/domain/code-system';
import type { CodeRow } from '../../src/ingest/codesets/codeset.types';
import { planRelease, releasesOf, ReleaseOrderError, stateAt, type StoredCode } from '../../src/ingest/codesets/release-plan';
import { titleHistory, stateAsOf } from '../../src/modules/release/release.service';

const row = (codeKey: string, title: string, seq: number, billable = true): CodeRow => ({
  system: CodeSystem.ICD10CM,
  code: codeKey,
  codeKey,
  title,
  shortTitle: title,
  billable,
  active: true,
  level: 'code',
  parentKey: null,
  seq,
  line: seq + 1,
});
const stored = (codeKey: string, title: string, sortKey: string, extra: Partial<StoredCode> = {}): StoredCode => ({
  codeKey,
  title,
  shortTitle: title,
  billable: true,
  firstRelease: null,
  lastRelease: null,
  sortKey,
  versions: [],
  ...extra,
});
const byKey = (codes: StoredCode[]) => new Map(codes.map((c) => [c.codeKey, c]));
const sortKey = (r: CodeRow) => `S${String(r.seq).padStart(7, '0')}`;

describe('planRelease: what loading a release changes', () => {
  const current = byKey([stored('A', 'a', 'S0000000'), stored('B', 'b', 'S0000001'), stored('C', 'c', 'S0000002')]);

  it('forward: added, deleted (placed after the code they followed), retitled kept as a version', () => {
    const plan = planRelease(['FY2026'], 'FY2027', [row('A', 'a', 0), row('N', 'n', 1), row('C', 'c2', 2)], current, sortKey);
    expect(plan).toMatchObject({ direction: 'forward', neighbour: 'FY2026', added: ['N'], deleted: ['B'], reinstated: [], olderOnly: [] });
    expect(plan.versions).toEqual([{ codeKey: 'C', version: { title: 'c', shortTitle: 'c', billable: true, firstRelease: 'FY2026', lastRelease: 'FY2026' } }]);
    // B followed A (new sort key S0000000): it stays right after it.
    expect(plan.placements).toEqual([{ codeKey: 'B', sortKey: 'S0000000~0001' }]);
  });

  it('forward: a version starts after the previous one ends; a billable change alone is a version too', () => {
    const codes = byKey([stored('A', 'a3', 'S0000000', { versions: [{ title: 'a1', shortTitle: 'a1', billable: true, firstRelease: 'FY2024', lastRelease: 'FY2024' }] })]);
    const plan = planRelease(['FY2024', 'FY2025', 'FY2026'], 'FY2027', [{ ...row('A', 'a3', 0), billable: false }], codes, sortKey);
    expect(plan.versions).toEqual([{ codeKey: 'A', version: { title: 'a3', shortTitle: 'a3', billable: true, firstRelease: 'FY2025', lastRelease: 'FY2026' } }]);
  });

  it('forward: a code deleted before and listed again is reinstated; a re-run plans the same writes', () => {
    const codes = byKey([stored('A', 'a', 'S0000000'), stored('D', 'd', 'S0000000~0001', { lastRelease: 'FY2025', sortKey: 'S0000000~0001' })]);
    expect(planRelease(['FY2025', 'FY2026'], 'FY2027', [row('A', 'a', 0), row('D', 'd', 1)], codes, sortKey).reinstated).toEqual(['D']);
    // Re-run of FY2027 after it was stored: the same added and deleted codes (written again, unchanged).
    const after = byKey([stored('A', 'a', 'S0000000'), stored('N', 'n', 'S0000001', { firstRelease: 'FY2027' }), stored('B', 'b', 'S0000000~0001', { lastRelease: 'FY2026' })]);
    const rerun = planRelease(['FY2026', 'FY2027'], 'FY2027', [row('A', 'a', 0), row('N', 'n', 1)], after, sortKey);
    expect(rerun).toMatchObject({ neighbour: 'FY2026', added: ['N'], deleted: ['B'], versions: [] });
    expect(rerun.placements).toEqual([{ codeKey: 'B', sortKey: 'S0000000~0001' }]);
  });

  it('first release of a system: nothing to compare with', () => {
    expect(planRelease([], 'FY2025', [row('A', 'a', 0)], new Map(), sortKey)).toMatchObject({ neighbour: null, added: [], deleted: [], versions: [] });
  });

  it('backward: codes only in the older file become inactive nodes; codes only in the newer get firstRelease; older titles are versions', () => {
    const plan = planRelease(['FY2026'], 'FY2025', [row('A', 'a', 0), row('X', 'x', 1), row('C', 'c-old', 2)], current, sortKey);
    expect(plan).toMatchObject({ direction: 'backward', neighbour: 'FY2026', added: ['B'], deleted: [] });
    expect(plan.olderOnly.map((r) => r.codeKey)).toEqual(['X']);
    expect(plan.placements).toEqual([{ codeKey: 'X', sortKey: 'S0000000~0001' }]);
    expect(plan.versions).toEqual([{ codeKey: 'C', version: { title: 'c-old', shortTitle: 'c-old', billable: true, firstRelease: 'FY2025', lastRelease: 'FY2025' } }]);
    // Re-run once FY2025 is stored: the same rows, versions and firstRelease (written again, unchanged).
    const after = byKey([...current.values()].map((c) => (c.codeKey === 'B' ? { ...c, firstRelease: 'FY2026' } : c)).concat([stored('X', 'x', 'S0000000~0001', { lastRelease: 'FY2025' })]));
    const rerun = planRelease(['FY2025', 'FY2026'], 'FY2025', [row('A', 'a', 0), row('X', 'x', 1), row('C', 'c-old', 2)], after, sortKey);
    expect(rerun.added).toEqual(['B']);
    expect(rerun.olderOnly.map((r) => r.codeKey)).toEqual(['X']);
    expect(rerun.versions).toEqual(plan.versions);
  });

  it('refuses a release between two loaded ones', () => {
    expect(() => planRelease(['FY2024', 'FY2026'], 'FY2025', [row('A', 'a', 0)], current, sortKey)).toThrow(ReleaseOrderError);
    expect(() => planRelease(['FY2024', 'FY2026'], 'FY2025', [row('A', 'a', 0)], current, sortKey)).toThrow(/FY2025 lies between the loaded releases FY2024, FY2026/);
  });
});

describe('a code in a release: validIn, state, title history', () => {
  const known = ['FY2024', 'FY2025', 'FY2026'];
  const code = stored('A', 'now', 'S0', {
    firstRelease: 'FY2025',
    versions: [{ title: 'then', shortTitle: 'then', billable: false, firstRelease: 'FY2025', lastRelease: 'FY2025' }],
  });
  const facts = {
    firstRelease: code.firstRelease,
    lastRelease: null,
    current: { title: 'now', shortTitle: 'now', billable: true },
    versions: code.versions,
    previousAssignment: null,
    replacedBy: [],
    replaces: [],
  };

  it('is valid from its first to its last release, null meaning the earliest / latest', () => {
    expect(releasesOf(code, known)).toEqual(['FY2025', 'FY2026']);
    expect(releasesOf({ firstRelease: null, lastRelease: 'FY2024' }, known)).toEqual(['FY2024']);
    expect(releasesOf({ firstRelease: null, lastRelease: null }, known)).toEqual(known);
  });

  it('reads the version covering a release, else the current state', () => {
    expect(stateAt(code, 'FY2025').state.title).toBe('then');
    expect(stateAt(code, 'FY2026').state.title).toBe('now');
    expect(stateAsOf(facts, known, 'FY2024')).toBeNull();
    expect(stateAsOf(facts, known, 'FY2025')).toEqual({ title: 'then', shortTitle: 'then', billable: false });
  });

  it('lists every title with its releases, the current one last', () => {
    expect(titleHistory(facts, known)).toEqual([
      { title: 'then', shortTitle: 'then', billable: false, firstRelease: 'FY2025', lastRelease: 'FY2025' },
      { title: 'now', shortTitle: 'now', billable: true, firstRelease: 'FY2026', lastRelease: 'FY2026' },
    ]);
    expect(titleHistory(facts, [])).toEqual([]);
  });
});
