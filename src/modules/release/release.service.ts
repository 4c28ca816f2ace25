/**
 * Release facts turned into answers (pure; the resolver passes what the loaders read).
 * A code is valid from `firstRelease` to `lastRelease` of its system's loaded releases,
 * null standing for the earliest / latest (src/ingest/codesets/release-plan.ts).
 */
import { releasesOf } from '../../ingest/codesets/release-plan';
import type { ReleaseFacts } from './release.repository';
import type { CodeTitleVersionModel } from './release.type';

/** The loaded releases the code is valid in, oldest first; [] for systems without releases. */
export function validReleases(facts: ReleaseFacts | undefined, known: readonly string[]): string[] {
  if (!facts || known.length === 0) return [];
  return releasesOf(facts, known);
}

/**
 * Every title the code held, oldest first: its earlier states, then the current one from
 * the release after the last earlier state (or its first release) to its last release.
 * [] when the system has no loaded releases.
 */
export function titleHistory(facts: ReleaseFacts | undefined, known: readonly string[]): CodeTitleVersionModel[] {
  const valid = validReleases(facts, known);
  if (!facts || valid.length === 0) return [];
  const versions = [...facts.versions].sort((a, b) => (a.lastRelease < b.lastRelease ? -1 : 1));
  const lastEarlier = versions[versions.length - 1]?.lastRelease;
  const currentFirst = lastEarlier === undefined ? valid[0]! : valid.find((r) => r > lastEarlier);
  if (currentFirst === undefined) return versions;
  return [...versions, { ...facts.current, firstRelease: currentFirst, lastRelease: valid[valid.length - 1]! }];
}

/** The code's state in `release`: null when it is not valid there. */
export function stateAsOf(facts: ReleaseFacts | undefined, known: readonly string[], release: string): { title: string; shortTitle: string | null; billable: boolean } | null {
  if (!facts || !validReleases(facts, known).includes(release)) return null;
  const version = facts.versions.find((v) => v.firstRelease <= release && release <= v.lastRelease);
  return version ? { title: version.title, shortTitle: version.shortTitle, billable: version.billable } : facts.current;
}
