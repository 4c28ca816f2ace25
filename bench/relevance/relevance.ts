/**
 * The public relevance set of issue #12 (bench/relevance/queries.tsv) and how search is
 * scored on it: success@1, @5, @10 (any accepted code among the top k hits) and MRR@10,
 * overall, per category, for a held-out split, with the worst queries. Shared by the
 * `npm run bench:relevance` command (run.ts) and the CI floor test
 * (tests/integration/search-relevance.int.test.ts).
 */
import { createHash } from 'node:crypto';

export const SYSTEMS = ['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS'] as const;
const HEADER = 'category\tquery\taccepted\treason';

export interface AcceptedPattern {
  system: (typeof SYSTEMS)[number];
  /** Code without dot, upper case. */
  code: string;
  prefix: boolean;
}

export interface RelevanceQuery {
  category: string;
  query: string;
  accepted: AcceptedPattern[];
  reason: string;
  line: number;
  /** One query in five, chosen by a hash of its text (not by how search does on it): never looked at while tuning. */
  heldOut: boolean;
}

export class QueriesFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'QueriesFormatError';
  }
}

/** Hash split: the same queries are held out on every machine and run. */
export function isHeldOut(query: string): boolean {
  return createHash('sha256').update(query).digest()[0]! % 5 === 0;
}

/**
 * Parses queries.tsv strictly: `#` comments and blank lines skipped, then the header,
 * then four columns a line. Throws QueriesFormatError naming the line and what was expected.
 */
export function parseQueries(text: string, file = 'queries.tsv'): RelevanceQuery[] {
  const out: RelevanceQuery[] = [];
  let header = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '' || raw.startsWith('#')) return;
      if (!header) {
        if (raw.trim() !== HEADER) throw new QueriesFormatError(file, line, `expected the header '${HEADER.replace(/\t/g, '<TAB>')}'`);
        header = true;
        return;
      }
      const cols = raw.split('\t');
      if (cols.length !== 4) throw new QueriesFormatError(file, line, `expected 4 tab-separated columns (category, query, accepted, reason), got ${cols.length}`);
      const [category, query, accepted, reason] = cols.map((c) => c.trim()) as [string, string, string, string];
      if (!category || !query || !accepted) throw new QueriesFormatError(file, line, 'expected a category, a query and accepted codes');
      const patterns = accepted.split('|').map((p) => {
        const m = /^(CPT|HCPCS|ICD10CM|ICD10PCS):([A-Z0-9]+)(\*?)$/.exec(p.trim());
        if (!m) throw new QueriesFormatError(file, line, `expected an accepted pattern SYSTEM:CODE or SYSTEM:PREFIX* (no dots), got '${p}'`);
        return { system: m[1] as AcceptedPattern['system'], code: m[2]!, prefix: m[3] === '*' };
      });
      out.push({ category, query, accepted: patterns, reason, line, heldOut: isHeldOut(query) });
    });
  if (!header) throw new QueriesFormatError(file, 1, `expected the header '${HEADER.replace(/\t/g, '<TAB>')}'`);
  return out;
}

export interface Hit {
  system: string;
  /** Code without dot. */
  codeKey: string;
  code?: string;
  title?: string;
}

export function accepts(q: RelevanceQuery, h: Hit): boolean {
  const key = h.codeKey.replace(/\./g, '').toUpperCase();
  return q.accepted.some((p) => p.system === h.system && (p.prefix ? key.startsWith(p.code) : key === p.code));
}

export interface QueryOutcome {
  query: RelevanceQuery;
  /** 1-based rank of the first accepted hit among the top 10; null when none. */
  rank: number | null;
  top: Hit[];
}

export interface Figures {
  n: number;
  s1: number;
  s5: number;
  s10: number;
  mrr10: number;
}

export function figures(outcomes: QueryOutcome[]): Figures {
  const n = outcomes.length;
  const at = (k: number) => (n ? outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n : 0);
  return { n, s1: at(1), s5: at(5), s10: at(10), mrr10: n ? outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n : 0 };
}

/** Runs every query through `search` (top 10 hits), a few at a time. */
export async function evaluate(queries: RelevanceQuery[], search: (q: string) => Promise<Hit[]>, concurrency = 4): Promise<QueryOutcome[]> {
  const out = new Array<QueryOutcome>(queries.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < queries.length; i = next++) {
      const q = queries[i]!;
      const top = (await search(q.query)).slice(0, 10);
      const idx = top.findIndex((h) => accepts(q, h));
      out[i] = { query: q, rank: idx >= 0 ? idx + 1 : null, top };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The report `npm run bench:relevance` prints: a Markdown table overall and per category, the held-out split, the worst queries. */
export function report(outcomes: QueryOutcome[], worst = 25): string {
  const rows: [string, Figures][] = [
    ['all', figures(outcomes)],
    ['held-out (1 in 5 by hash)', figures(outcomes.filter((o) => o.query.heldOut))],
  ];
  const cats = [...new Set(outcomes.map((o) => o.query.category))].sort();
  for (const c of cats) rows.push([c, figures(outcomes.filter((o) => o.query.category === c))]);
  const lines = ['| set | queries | success@1 | success@5 | success@10 | MRR@10 |', '|---|---:|---:|---:|---:|---:|'];
  for (const [name, f] of rows) lines.push(`| ${name} | ${f.n} | ${pct(f.s1)} | ${pct(f.s5)} | ${pct(f.s10)} | ${f.mrr10.toFixed(3)} |`);
  const bad = outcomes
    .filter((o) => o.rank === null || o.rank > 1)
    .sort((a, b) => (b.rank ?? 99) - (a.rank ?? 99))
    .slice(0, worst);
  lines.push('', `Worst queries (rank of the first accepted code; top 3 hits):`, '');
  for (const o of bad) {
    lines.push(
      `- [${o.query.category}] "${o.query.query}" rank ${o.rank ?? '>10'} (wants ${o.query.accepted.map((p) => `${p.system}:${p.code}${p.prefix ? '*' : ''}`).join('|')}): ${
        o.top
          .slice(0, 3)
          .map((h) => `${h.system}:${h.code ?? h.codeKey} ${(h.title ?? '').slice(0, 50)}`)
          .join('; ') || 'no hits'
      }`,
    );
  }
  return lines.join('\n');
}
