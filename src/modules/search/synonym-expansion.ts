import type { Synonym } from '../../ingest/names/synonyms';
import { tokenize, type SynonymExpander } from './lucene-query';

/** Longest synonym term, in words, looked for in a query. */
const MAX_TERM_WORDS = 5;

/**
 * Builds the expander of the curated synonyms (seeds/search/synonyms.tsv): for each span
 * of the query's words that is a synonym term ("heart attack", "htn", "broken"), one
 * reading with that span replaced by each of its expansions; and, when there are several
 * such spans, one reading with all of them replaced (longest spans first, no overlap).
 * Terms match whole words only, so "mi" never expands "migraine". Shared by every request.
 */
export function synonymExpander(synonyms: Synonym[]): SynonymExpander {
  const byTerm = new Map<string, Synonym[]>();
  for (const s of synonyms) {
    const key = tokenize(s.term).join(' ');
    if (!key) continue;
    if (!byTerm.has(key)) byTerm.set(key, []);
    byTerm.get(key)!.push(s);
  }
  return (tokens) => {
    const spans: { start: number; end: number; syns: Synonym[] }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(MAX_TERM_WORDS, tokens.length - i); n >= 1; n--) {
        const syns = byTerm.get(tokens.slice(i, i + n).join(' '));
        if (syns) spans.push({ start: i, end: i + n, syns });
      }
    }
    const out: ReturnType<SynonymExpander> = [];
    const replace = (list: { start: number; end: number; with: string[] }[]) => {
      const r: string[] = [];
      let at = 0;
      for (const s of [...list].sort((a, b) => a.start - b.start)) {
        r.push(...tokens.slice(at, s.start), ...s.with);
        at = s.end;
      }
      return [...r, ...tokens.slice(at)];
    };
    // longer spans first: "high blood pressure" before "pressure"
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const span of spans) {
      for (const s of span.syns) out.push({ tokens: replace([{ start: span.start, end: span.end, with: tokenize(s.expansion) }]), synonym: { term: s.term, expansion: s.expansion, kind: s.kind } });
    }
    const chosen: typeof spans = [];
    for (const span of spans) if (!chosen.some((c) => span.start < c.end && c.start < span.end)) chosen.push(span);
    if (chosen.length > 1) {
      const first = chosen.map((c) => c.syns[0]!);
      out.push({
        tokens: replace(chosen.map((c) => ({ start: c.start, end: c.end, with: tokenize(c.syns[0]!.expansion) }))),
        synonym: { term: first.map((s) => s.term).join(' + '), expansion: first.map((s) => s.expansion).join(' + '), kind: first[0]!.kind },
      });
    }
    return out;
  };
}
