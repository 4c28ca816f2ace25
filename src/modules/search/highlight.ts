import { fold } from './lucene-query';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * Edit distance with adjacent transpositions, stopping early past `max`.
 * Hand-written (a dozen lines) because it only decides which words to mark;
 * Lucene does the real fuzzy matching.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return false;
  }
  return d[a.length]![b.length]! <= max;
}

function matches(token: string, words: string[]): boolean {
  const t = fold(token);
  return words.some((w) => t.startsWith(w) || (w.length >= 4 && withinEdits(t.slice(0, Math.max(w.length, t.length)), w, w.length >= 8 ? 2 : 1)));
}

/**
 * The title, HTML-escaped, with each word that matched the query wrapped in <mark></mark>.
 * Returns null when no word matched (e.g. a hit on the code alone).
 */
export function highlightTitle(title: string, words: string[]): string | null {
  if (words.length === 0) return null;
  let marked = false;
  const out = title.replace(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu, (part) => {
    if (/^[\p{L}\p{N}]/u.test(part) && matches(part, words)) {
      marked = true;
      return `<mark>${escapeHtml(part)}</mark>`;
    }
    return escapeHtml(part);
  });
  return marked ? out : null;
}
