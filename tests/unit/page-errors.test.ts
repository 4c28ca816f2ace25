import * as fs from 'fs';
import * as path from 'path';
import { CodeSystem } from '../../src/domain/code-system';
import { PageParseError } from '../../src/ingest/page/page-parse-error';
import { parseCodePage, ParseCodePageOptions } from '../../src/ingest/page/parse-page';

const SEED = fs.readFileSync(path.resolve(__dirname, '../fixtures/pages/cpt-00300.txt'), 'utf8');

/** The PageParseError that parsing throws; fails the test when it throws nothing or something else. */
function errorOf(text: string, opts?: ParseCodePageOptions): PageParseError {
  try {
    parseCodePage(text, opts);
  } catch (error) {
    if (error instanceof PageParseError) return error;
    throw error;
  }
  throw new Error('expected a PageParseError, but the page parsed');
}

describe('pages that cannot be read', () => {
  it('empty page', () => {
    const error = errorOf('', { fileName: 'cpt-00300.txt' });
    expect([error.file, error.line, error.expected]).toEqual(['cpt-00300.txt', 1, 'a code page, got an empty page']);
    expect(error.message).toBe('cpt-00300.txt:1: expected a code page, got an empty page');
    expect(error.name).toBe('PageParseError');
    expect(error.code).toBe('PAGE_PARSE_ERROR');
  });

  it('whitespace-only page, BOM included', () => {
    const error = errorOf('\uFEFF  \r\n\t\n   ');
    expect([error.file, error.line]).toEqual([null, 1]);
    expect(error.message).toBe('<page>:1: expected a code page, got an empty page');
  });

  it('no title after the banner', () => {
    const error = errorOf('Search all medical codes\n\nCPT4 code\n\nSummary\nText.', { fileName: 'cpt-00300.txt' });
    expect(error.line).toBe(3);
    expect(error.expected).toBe('the page title after the banner "Search all medical codes"');
    expect(error.message).toBe('cpt-00300.txt:3: expected the page title after the banner "Search all medical codes"');
  });

  it('a heading where the title should be', () => {
    const error = errorOf('Summary\nText.', { fileName: 'cpt-00300.txt' });
    expect([error.line, error.expected]).toEqual([1, 'the page title on the first line']);
  });

  it('banner only', () => {
    const error = errorOf('Search all medical codes\n\n');
    expect(error.line).toBe(3);
    expect(error.expected).toMatch(/^the page title after the banner/);
  });

  it('no known section', () => {
    const error = errorOf('A title\nCPT4 code\n\nJust some prose.\nMore prose.', { fileName: 'cpt-00300.txt' });
    expect(error.line).toBe(4);
    expect(error.expected).toBe('at least one known section heading, such as "Summary" or "Risks and Complications"');
  });

  it('a section heading used twice names the second line', () => {
    const text = SEED.replace('Benefits\n', 'Summary\n');
    const lines = text.split('\n');
    const second = lines.findIndex((l, i) => l === 'Summary' && i > lines.indexOf('Summary')) + 1;
    const error = errorOf(text, { fileName: 'cpt-00300.txt' });
    expect(error.line).toBe(second);
    expect(error.expected).toBe(`no second "Summary" section (the first starts on line ${lines.indexOf('Summary') + 1})`);
  });

  it('duplicate heading written differently is still a duplicate', () => {
    const error = errorOf('T\n\nRisks and Complications\n- Rare: x\n\nRISKS & COMPLICATIONS:\n- Common: y', {
      fileName: 'cpt-00300.txt',
    });
    expect(error.line).toBe(6);
  });

  it('caller system conflicting with the kind line', () => {
    const error = errorOf(SEED, { fileName: 'seed.txt', system: CodeSystem.HCPCS, code: 'J1100' });
    expect(error.file).toBe('seed.txt');
    expect(error.line).toBe(5);
    expect(error.expected).toBe('system HCPCS as the caller passed, but the kind line states CPT');
  });

  it('caller code conflicting with the kind line', () => {
    const error = errorOf('Title\nCPT4 code 00300\n\nSummary\nx', { code: '00310' });
    expect([error.line, error.expected]).toEqual([2, 'code 00310 as the caller passed, but the kind line states 00300']);
  });

  it('caller code conflicting with the front matter', () => {
    const error = errorOf('---\nsystem: CPT\ncode: 00300\n---\nTitle\n\nSummary\nx', { code: '00310' });
    expect([error.line, error.expected]).toEqual([3, 'code 00310 as the caller passed, but the front matter states 00300']);
  });

  it('front matter conflicting with the kind line', () => {
    const error = errorOf('---\nsystem: HCPCS\n---\nTitle\nCPT4 code\n\nSummary\nx', { fileName: 'cpt-00300.txt' });
    expect(error.line).toBe(2);
    expect(error.expected).toBe('the front-matter system to agree with the kind line (line 5 says CPT), got HCPCS');
  });

  it('no code anywhere', () => {
    const error = errorOf(SEED, { fileName: 'seed-page.txt' });
    expect([error.line, error.expected]).toEqual([1, 'a code: state it on the kind line, in front matter, in the file name, or pass it']);
  });

  it('a malformed code in the file name', () => {
    const error = errorOf(SEED, { fileName: 'cpt-12AB.txt' });
    expect([error.line, error.expected]).toEqual([1, 'a well-formed CPT code, got "12AB" from the file name']);
  });

  it('a malformed code on the kind line', () => {
    const error = errorOf('Title\nHCPCS code 1234\n\nSummary\nx');
    expect([error.line, error.expected]).toEqual([2, 'a well-formed HCPCS code, got "1234" from the kind line']);
  });

  it('a malformed code in front matter', () => {
    const error = errorOf('---\nsystem: ICD-10-PCS\ncode: 3E0T3IZ\n---\nTitle\n\nSummary\nx');
    expect([error.line, error.expected]).toEqual([3, 'a well-formed ICD10PCS code, got "3E0T3IZ" from the front matter']);
  });

  it('an unknown system in front matter', () => {
    const error = errorOf('---\nsystem: SNOMED\n---\nTitle\n\nSummary\nx');
    expect(error.line).toBe(2);
    expect(error.expected).toMatch(/^a code system/);
  });

  it('unterminated front matter names its opening line', () => {
    const error = errorOf('\n---\ncode: 00300\nTitle\n\nSummary\nx');
    expect([error.line, error.expected]).toEqual([2, 'a closing "---" for the front matter that starts here']);
  });

  it('a front-matter line that is not key: value', () => {
    const error = errorOf('---\nthis is not yaml\n---\nTitle\n\nSummary\nx');
    expect([error.line, error.expected]).toEqual([2, 'a "key: value" line in the front matter']);
  });

  it('a page over 1,000,000 characters', () => {
    const error = errorOf(`Title\n\nSummary\n${'x'.repeat(1_000_001)}`);
    expect(error.line).toBe(1);
    expect(error.expected).toMatch(/^a page of at most 1,000,000 characters/);
  });
});
