import { fold } from './lucene-query';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Rows of the edit-distance table, reused by every call (three rolling rows: i-2, i-1, i). */
let rows = new Int32Array(3 * 32);

/**
 * Edit distance with adjacent transpositions, stopping early past `max`.
 * Hand-written (a dozen lines) because it only decides which words to mark;
 * Lucene does the real fuzzy matching. Keeps three rows of the table in one reused
 * buffer (it runs for many name words per search), so it allocates nothing.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const w = b.length + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  const d = rows;
  // row i lives at offset (i % 3) * w
  for (let j = 0; j < w; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = (i % 3) * w;
    const prev = ((i - 1) % 3) * w;
    const prev2 = ((i + 1) % 3) * w;
    d[cur] = i;
    let rowMin = Infinity;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < w; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(d[prev + j]! + 1, d[cur + j - 1]! + 1, d[prev + j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, d[prev2 + j - 2]! + 1);
      d[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
  }
  return d[(a.length % 3) * w + b.length]! <= max;
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
