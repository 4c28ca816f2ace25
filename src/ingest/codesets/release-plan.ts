/**
 * What loading one release of a yearly code set (ICD-10-CM, ICD-10-PCS) changes in
 * the stored graph, worked out in memory before anything is written. Pure: the
 * store (src/ingest/store/codeset.store.ts) writes the plan.
 *
 * Model (README "Releases"): one Code node per (system, codeKey). A code is valid
 * in every release from `firstRelease` to `lastRelease` of its system, where null
 * stands for the system's earliest (first) or latest (last) loaded release. So a
 * code present in every loaded release carries neither, and loading another
 * release writes only the codes whose presence or state differs: the added ones
 * get `firstRelease`, the deleted ones `lastRelease` (and `active = false`), and a
 * code whose title, short title or billable flag changed keeps its earlier state
 * as a `CodeVersion` (first and last release of that state).
 *
 * Releases load newest last ("forward", next October's files) or, once, oldest
 * first below the ones stored ("backward": the seed adds FY2025 under the shipped
 * FY2026 by comparing, instead of loading every code twice). Loading a release
 * again is a re-run: the plan is the same, and writing it again changes nothing.
 * Validity is contiguous: a code deleted and later re-added is valid in between
 * too (the official files have no such case between FY2025 and FY2026).
 */
import type { CodeRow } from './codeset.types';

/** A state of a code: what the release files say about it. */
export interface CodeState {
  title: string;
  shortTitle: string | null;
  billable: boolean;
}

/** A code's state over a range of releases, kept when a later release changed it. */
export interface CodeVersion extends CodeState {
  firstRelease: string;
  lastRelease: string;
}

/** A stored code of an order-file level (not chapters, blocks or other derived rows). */
export interface StoredCode extends CodeState {
  codeKey: string;
  firstRelease: string | null;
  lastRelease: string | null;
  sortKey: string;
  versions: CodeVersion[];
}

export interface ReleasePlan {
  direction: 'forward' | 'backward';
  release: string;
  /** The release compared with: the latest before it (forward) or the earliest after it (backward); null on a first load. */
  neighbour: string | null;
  /** Codes new in `release` (forward; their rows carry `firstRelease`) or new in `neighbour` (backward: get `firstRelease = neighbour`). */
  added: string[];
  /** Forward: codes of `neighbour` absent from `release` (get `lastRelease = neighbour`, `active = false`). */
  deleted: string[];
  /** Backward: codes only in the older release, created as inactive nodes with `lastRelease = release`. */
  olderOnly: CodeRow[];
  /** Forward: stored codes that were deleted before and are back (`lastRelease` cleared). */
  reinstated: string[];
  /** Earlier states to store (MERGE on system, codeKey, lastRelease). */
  versions: { codeKey: string; version: CodeVersion }[];
  /** New sort keys of codes not in the loaded file, so they keep their place in code order. */
  placements: { codeKey: string; sortKey: string }[];
}

/** The release lies between two stored ones: only the newest-last and oldest-first orders are supported. */
export class ReleaseOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseOrderError';
  }
}

/** True when two states differ in what a release file says. */
export function statesDiffer(a: CodeState, b: CodeState): boolean {
  return a.title !== b.title || (a.shortTitle ?? null) !== (b.shortTitle ?? null) || a.billable !== b.billable;
}

/** Whether `code` is valid in `release`, given the system's loaded releases (ascending). */
export function validIn(code: Pick<StoredCode, 'firstRelease' | 'lastRelease'>, release: string): boolean {
  return (code.firstRelease === null || code.firstRelease <= release) && (code.lastRelease === null || release <= code.lastRelease);
}

/** The releases a code is valid in, of the system's loaded releases (ascending). */
export function releasesOf(code: Pick<StoredCode, 'firstRelease' | 'lastRelease'>, known: readonly string[]): string[] {
  return known.filter((r) => validIn(code, r));
}

/** The code's state in `release`: the version covering it, else the current state. */
export function stateAt(code: StoredCode, release: string): { state: CodeState; version: CodeVersion | null } {
  const version = code.versions.find((v) => v.firstRelease <= release && release <= v.lastRelease) ?? null;
  return { state: stateOf(version ?? code), version };
}

function stateOf(s: CodeState): CodeState {
  return { title: s.title, shortTitle: s.shortTitle ?? null, billable: s.billable };
}

// Sort keys (`S` + 7 digits, codeset.store.ts) of codes placed after an anchor: `<anchor>~NNNN`
// sorts after the anchor and before the next code; `S!NNNN` before every code.
function placedAfter(anchor: string | null, n: number): string {
  return `${anchor ?? 'S!'}~${String(n).padStart(4, '0')}`;
}

/**
 * Works out what loading `release` from `rows` (the order file's rows, file order,
 * only those with a `line`) changes, given the system's loaded releases
 * (`known`, any order) and its stored codes of order-file levels. `newSortKey`
 * gives the sort key a row of this file gets when stored (forward loads re-store
 * every row). Throws `ReleaseOrderError` when `release` lies between two loaded
 * releases.
 */
export function planRelease(known: readonly string[], release: string, rows: readonly CodeRow[], stored: ReadonlyMap<string, StoredCode>, newSortKey: (row: CodeRow) => string): ReleasePlan {
  const releases = [...new Set(known)].sort();
  const first = releases[0];
  const last = releases[releases.length - 1];
  const plan: ReleasePlan = { direction: 'forward', release, neighbour: null, added: [], deleted: [], olderOnly: [], reinstated: [], versions: [], placements: [] };
  const inFile = new Map(rows.map((r) => [r.codeKey, r]));

  if (first === undefined || last === undefined || release >= last) {
    const before = releases.filter((r) => r < release);
    plan.neighbour = before[before.length - 1] ?? null;
    const prev = plan.neighbour;
    if (prev === null) return plan;
    for (const row of rows) {
      const s = stored.get(row.codeKey);
      if (!s || s.firstRelease === release) {
        plan.added.push(row.codeKey);
        continue;
      }
      if (s.lastRelease !== null) {
        plan.reinstated.push(row.codeKey);
        continue;
      }
      const { state, version } = stateAt(s, prev);
      if (statesDiffer(state, stateOf(row))) {
        const latest = [...s.versions].filter((v) => v.lastRelease < prev).sort((a, b) => (a.lastRelease < b.lastRelease ? 1 : -1))[0];
        const start = version?.firstRelease ?? (latest ? (releases.find((r) => r > latest.lastRelease) ?? prev) : (s.firstRelease ?? first));
        plan.versions.push({ codeKey: row.codeKey, version: { ...stateOf(state), firstRelease: start, lastRelease: prev } });
      }
    }
    // Codes not in the file: deleted now (if still valid) and re-placed in the new code order.
    const ordered = [...stored.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    let anchor: string | null = null;
    let n = 0;
    for (const s of ordered) {
      const row = inFile.get(s.codeKey);
      if (row) {
        anchor = newSortKey(row);
        n = 0;
        continue;
      }
      // lastRelease === prev: deleted by an earlier run of this load (written again, unchanged).
      if (s.lastRelease === null || s.lastRelease === prev) plan.deleted.push(s.codeKey);
      n += 1;
      plan.placements.push({ codeKey: s.codeKey, sortKey: placedAfter(anchor, n) });
    }
    return plan;
  }

  if (release <= first) {
    const next = release === first ? releases[1] : first;
    if (next === undefined) throw new ReleaseOrderError(`${release} is the only release stored; nothing to compare it with`);
    plan.direction = 'backward';
    plan.neighbour = next;
    let anchor: string | null = null;
    let n = 0;
    for (const row of rows) {
      const s = stored.get(row.codeKey);
      if (!s || !validIn(s, next)) {
        // Only in the older release (or created by an earlier run of this load).
        plan.olderOnly.push(row);
        n += 1;
        plan.placements.push({ codeKey: row.codeKey, sortKey: placedAfter(anchor, n) });
        continue;
      }
      anchor = s.sortKey;
      n = 0;
      const { state, version } = stateAt(s, next);
      const older = stateOf(row);
      if (statesDiffer(state, older)) {
        plan.versions.push({ codeKey: row.codeKey, version: { ...older, firstRelease: release, lastRelease: release } });
      } else if (version !== null && version.firstRelease === next) {
        plan.versions.push({ codeKey: row.codeKey, version: { ...stateOf(version), firstRelease: release, lastRelease: version.lastRelease } });
      }
    }
    for (const s of stored.values()) {
      if (!inFile.has(s.codeKey) && (s.firstRelease === null || s.firstRelease === next) && validIn(s, next)) plan.added.push(s.codeKey);
    }
    return plan;
  }

  throw new ReleaseOrderError(`${release} lies between the loaded releases ${releases.join(', ')}: load releases newest last (next October's files) or, below the oldest, oldest first`);
}
