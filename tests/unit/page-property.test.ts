import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { CODE_SYSTEMS, CodeSystem, isWellFormedCode } from '../../src/domain/code-system';
import { buildPageGraph } from '../../src/ingest/page/build-page-graph';
import { PageParseError } from '../../src/ingest/page/page-parse-error';
import { parseCodePage, ParseCodePageOptions } from '../../src/ingest/page/parse-page';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';

const SEED = fs.readFileSync(path.resolve(__dirname, '../fixtures/pages/cpt-00300.txt'), 'utf8');
const SEED_LINES = SEED.split('\n');
const vocab = loadVocabulary();
/**
 * Runs per property. FC_NUM_RUNS raises it for a long local hunt; FC_SEED replays a
 * failure fast-check printed. Seeds are random otherwise, so every run explores new
 * inputs: a failure here is a parser bug to fix, with the counterexample in the output.
 */
const RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
fc.configureGlobal({
  numRuns: RUNS,
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
});

/**
 * The contract: any string gives a ParsedPage (whose code fits its system and
 * which the graph builder accepts) or a PageParseError pointing at a line of
 * the text. Anything else thrown fails the property.
 */
function parsesOrExplains(text: string, opts?: ParseCodePageOptions): void {
  let page;
  try {
    page = parseCodePage(text, opts);
  } catch (error) {
    if (!(error instanceof PageParseError)) throw error;
    const lineCount = text.split(/\r\n|\r|\n/).length;
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(Math.max(1, lineCount));
    expect(error.message).toContain(`:${error.line}: expected `);
    return;
  }
  expect(isWellFormedCode(page.system, page.code)).toBe(true);
  expect(page.title.length).toBeGreaterThan(0);
  const graph = buildPageGraph(page, vocab);
  expect(graph.code.code).toBe(page.code);
}

const optsArb: fc.Arbitrary<ParseCodePageOptions | undefined> = fc.option(
  fc.record(
    {
      fileName: fc.oneof(fc.constantFrom('cpt-00300.txt', 'hcpcs-J1100.txt', 'icd10cm-M62.830.txt', 'x.txt'), fc.string()),
      system: fc.constantFrom<CodeSystem>(...CODE_SYSTEMS),
      code: fc.oneof(fc.constantFrom('00300', 'J1100', 'M62.830', '3E0T3BZ'), fc.string({ maxLength: 8 })),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** Lines that look like parts of a page, so random pages get past the header often. */
const PAGE_LINES = [
  'Search all medical codes',
  'A title',
  'CPT4 code',
  'CPT4 code 00300',
  'HCPCS code J1100',
  'ICD-10-CM code M62.830',
  'Code: 3E0T3BZ',
  '---',
  'system: CPT',
  'code: 00300',
  'title: x',
  'Summary',
  'Risks and Complications',
  'RISKS & COMPLICATIONS:',
  'Settings',
  'Personnel',
  'Duration',
  'Procedure Steps',
  'Alternatives',
  'Similar Codes',
  'Medical Policies and Guidelines for A title',
  'Related policies from health plans',
  'Name of the Procedure:',
  '  • Common: a, b, or c.',
  '  • Rare: x (y, z), w',
  '  • Management involves care.',
  '- ',
  '* item',
  '– CPT 00320: a code',
  '1. step',
  '2) step',
  'lasts 1 to 2 hours or at least a few minutes',
  'Tools and equipment used include a, b and c.',
  'Full name (Commonly referred to as "X")',
  'performed in a hospital or clinic',
  'Payer: Title (https://example.org/x)',
  '',
  '\t',
];

describe('parseCodePage never throws anything but PageParseError', () => {
  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), optsArb, (text, opts) => parsesOrExplains(text, opts)));
  });

  it('for pages assembled from page-like and random lines', () => {
    const line = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PAGE_LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) });
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), optsArb, (lines, eol, opts) => parsesOrExplains(lines.join(eol), opts)));
  });

  it('for mutated seed pages (lines shuffled, dropped, duplicated, replaced)', () => {
    const mutation = fc.record({
      op: fc.constantFrom('drop', 'duplicate', 'swap', 'replace', 'insert'),
      i: fc.nat(),
      j: fc.nat(),
      text: fc.oneof(fc.constantFrom(...PAGE_LINES), fc.string({ maxLength: 30 })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 12 }), fc.boolean(), optsArb, (mutations, shuffle, opts) => {
        let lines = [...SEED_LINES];
        for (const m of mutations) {
          if (lines.length === 0) break;
          const i = m.i % lines.length;
          const j = m.j % lines.length;
          if (m.op === 'drop') lines.splice(i, 1);
          else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (m.op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          else if (m.op === 'replace') lines[i] = m.text;
          else lines.splice(i, 0, m.text);
        }
        if (shuffle)
          lines = lines
            .map((l, k) => ({ l, k: (k * 7919) % 97 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.l);
        parsesOrExplains(lines.join('\n'), opts ?? { fileName: 'cpt-00300.txt' });
      }),
    );
  });

  it('for shuffled subsets of the seed page', () => {
    fc.assert(fc.property(fc.shuffledSubarray(SEED_LINES), (lines) => parsesOrExplains(lines.join('\n'), { fileName: 'cpt-00300.txt' })));
  });
});

describe('adversarial long lines stay fast', () => {
  const page = (heading: string, body: string): string => `A title\nCPT4 code\n\n${heading}\n\n${body}\n`;

  // [label, text, whether it must parse (false: must be a PageParseError)]
  const cases: [string, string, boolean][] = [
    ['spaces inside a duration', page('Duration', `1${' '.repeat(300_000)}x to${' \t'.repeat(100_000)}y`), true],
    ['digits and dashes', page('Duration', '1-'.repeat(200_000)), true],
    ['number words', page('Duration', 'a few '.repeat(100_000)), true],
    ['a huge setting paragraph', page('Setting', 'hospital outpatient clinic or '.repeat(25_000)), true],
    ['many commas in a risk bullet', page('Risks and Complications', `• Rare: ${'a, ('.repeat(150_000)}`), true],
    ['many risk bullets', page('Risks and Complications', '• Rare: infection, nausea\n'.repeat(30_000)), true],
    ['repeated equipment sentences', page('Procedure Description', 'Tools include x and y, '.repeat(30_000)), true],
    ['repeated name markers', page('Name of the Procedure:', '(Commonly referred to as "'.repeat(30_000)), true],
    ['a huge personnel bullet', page('Personnel', `• ${'surgeon or nurse and '.repeat(40_000)}`), true],
    ['a huge similar-code line', page('Similar Codes', `• ${'CPT 00320 - '.repeat(70_000)}`), true],
    ['a huge policy line', page('Related policies from health plans', `• ${'https://e.org/a: b - '.repeat(40_000)}`), true],
    ['a huge alternative line', page('Alternatives', `• ${'x - y '.repeat(150_000)}`), true],
    ['a huge title', `Search all medical codes\n\n${'CPT4 code '.repeat(90_000)}\n\nSummary\nx`, true],
    ['a huge heading-like line (too long to be a heading)', `T\n\n${'Medical Policies and Guidelines for '.repeat(25_000)}\n`, false],
    ['a huge front-matter value', `---\ntitle: ${'x '.repeat(400_000)}\n---\nSummary\nx`, true],
    ['a huge kind-like line', `T\n${'CPT4 code 00300 '.repeat(50_000)}\n`, false],
  ];

  it.each(cases)('%s', (_label, text, parses) => {
    expect(text.length).toBeLessThanOrEqual(1_000_000);
    const started = Date.now();
    let outcome: 'page' | 'error';
    try {
      const parsed = parseCodePage(text, { fileName: 'cpt-00300.txt' });
      buildPageGraph(parsed, vocab);
      outcome = 'page';
    } catch (error) {
      if (!(error instanceof PageParseError)) throw error;
      outcome = 'error';
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(outcome).toBe(parses ? 'page' : 'error');
  });
});
