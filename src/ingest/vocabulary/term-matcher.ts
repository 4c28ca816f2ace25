/**
 * Finding vocabulary entries in text. Both sides are compared after
 * `normalizeTerm`, word by word (never inside a word: "arm" does not match
 * "harm").
 *
 * - `matchTerm`: one entry for a short text (a risk, a role, a setting). An
 *   exact match of the whole text with a name or synonym wins; otherwise the
 *   longest name/synonym contained in the text (most words, then most
 *   characters, then earliest) wins.
 * - `findAllTerms`: every entry named in a longer text, longest matches
 *   first, never two matches over the same word ("posterior trunk" is the
 *   back and the trunk is not also reported).
 */
import { normalizeTerm } from './normalize-term';
import type { VocabEntry } from './vocabulary';

interface Term<E> {
  words: string[];
  chars: number;
  entry: E;
}

export interface TermIndex<E extends VocabEntry> {
  exact: ReadonlyMap<string, E>;
  /** Terms by their first word, for quick scanning. */
  byFirstWord: ReadonlyMap<string, Term<E>[]>;
}

/**
 * Built once per entry list and cached for as long as that list lives
 * (vocabularies are loaded once and shared).
 */
const cache = new WeakMap<readonly VocabEntry[], TermIndex<VocabEntry>>();

/** The index of `entries` (names and synonyms, normalised). */
export function termIndex<E extends VocabEntry>(entries: readonly E[]): TermIndex<E> {
  const cached = cache.get(entries);
  if (cached) return cached as TermIndex<E>;
  const exact = new Map<string, E>();
  const byFirstWord = new Map<string, Term<E>[]>();
  for (const entry of entries) {
    for (const text of [entry.name, ...entry.synonyms]) {
      const normalized = normalizeTerm(text);
      if (normalized === '' || exact.has(normalized)) continue;
      exact.set(normalized, entry);
      const words = normalized.split(' ');
      const first = words[0] ?? '';
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, chars: normalized.length, entry });
      byFirstWord.set(first, list);
    }
  }
  const index: TermIndex<E> = { exact, byFirstWord };
  cache.set(entries, index as TermIndex<VocabEntry>);
  return index;
}

interface Occurrence<E> {
  start: number;
  term: Term<E>;
}

function occurrences<E extends VocabEntry>(words: string[], index: TermIndex<E>): Occurrence<E>[] {
  const found: Occurrence<E>[] = [];
  words.forEach((word, start) => {
    for (const term of index.byFirstWord.get(word) ?? []) {
      if (start + term.words.length > words.length) continue;
      if (term.words.every((w, i) => words[start + i] === w)) found.push({ start, term });
    }
  });
  // Longest first: most words, then most characters, then earliest.
  return found.sort((a, b) => b.term.words.length - a.term.words.length || b.term.chars - a.term.chars || a.start - b.start);
}

/** The entry whose name or a synonym is exactly `text` (after normalising), or null. */
export function exactTerm<E extends VocabEntry>(text: string, entries: readonly E[]): E | null {
  return termIndex(entries).exact.get(normalizeTerm(text)) ?? null;
}

/** The entry `text` names, or null. See the module comment for the rule. */
export function matchTerm<E extends VocabEntry>(text: string, entries: readonly E[]): E | null {
  const index = termIndex(entries);
  const normalized = normalizeTerm(text);
  if (normalized === '') return null;
  const exact = index.exact.get(normalized);
  if (exact) return exact;
  return occurrences(normalized.split(' '), index)[0]?.term.entry ?? null;
}

/** Every entry named in `text`, in text order, each once. */
export function findAllTerms<E extends VocabEntry>(text: string, entries: readonly E[]): E[] {
  const normalized = normalizeTerm(text);
  if (normalized === '') return [];
  const words = normalized.split(' ');
  const taken = new Array<boolean>(words.length).fill(false);
  const accepted: Occurrence<E>[] = [];
  for (const occurrence of occurrences(words, termIndex(entries))) {
    const span = occurrence.term.words.length;
    let free = true;
    for (let i = occurrence.start; i < occurrence.start + span; i += 1) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = occurrence.start; i < occurrence.start + span; i += 1) taken[i] = true;
    accepted.push(occurrence);
  }
  const result: E[] = [];
  for (const occurrence of accepted.sort((a, b) => a.start - b.start)) {
    if (!result.includes(occurrence.term.entry)) result.push(occurrence.term.entry);
  }
  return result;
}

/**
 * Word spans of `text` (normalised) covered by entries whose name/synonym
 * contains one of `words` ("surgeon or specialist" contains "or"). Used to
 * avoid splitting a bullet inside such a term.
 */
export function protectedSpans<E extends VocabEntry>(normalizedWords: string[], entries: readonly E[], words: readonly string[]): boolean[] {
  const covered = new Array<boolean>(normalizedWords.length).fill(false);
  for (const occurrence of occurrences(normalizedWords, termIndex(entries))) {
    if (!occurrence.term.words.some((w) => words.includes(w))) continue;
    for (let i = occurrence.start; i < occurrence.start + occurrence.term.words.length; i += 1) covered[i] = true;
  }
  return covered;
}
