import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { toCodeKey } from '../../src/domain/code-system';
import { loadVocabulary } from '../../src/ingest/vocabulary/vocabulary';

/** The FY2026 ICD-10-CM order file as the project ships it (seeds/codesets, gzipped). */
const ORDER_FILE = path.resolve(__dirname, '../../seeds/codesets/icd10cm_order_2026.txt.gz');

/** Code (no dot) -> valid flag ('1' billable, '0' header), from columns 7-13 and 15. */
function readOrderFile(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const line of zlib.gunzipSync(fs.readFileSync(ORDER_FILE)).toString('latin1').split(/\r?\n/)) {
    if (line.length < 15) continue;
    codes.set(line.slice(6, 13).trim(), line.charAt(14));
  }
  return codes;
}

describe('ICD-10-CM codes in the vocabulary', () => {
  const vocab = loadVocabulary();
  const listed = [
    ...vocab.risks.map((e) => ['risks.yaml', e] as const),
    ...vocab.indications.map((e) => ['indications.yaml', e] as const),
    ...vocab.bodyRegions.map((e) => ['body-regions.yaml', e] as const),
    ...vocab.bodySystems.map((e) => ['body-systems.yaml', e] as const),
    ...vocab.personnel.map((e) => ['personnel.yaml', e] as const),
    ...vocab.settings.map((e) => ['settings.yaml', e] as const),
  ].flatMap(([file, entry]) => entry.icd10cm.map((code) => ({ file, key: entry.key, code })));

  it('lists codes at all', () => {
    expect(listed.length).toBeGreaterThan(80);
  });

  it('exist in the FY2026 release and are billable (not header) codes', () => {
    const release = readOrderFile();
    expect(release.size).toBeGreaterThan(90_000);
    const missing = listed.filter(({ code }) => !release.has(toCodeKey(code)));
    const headers = listed.filter(({ code }) => release.get(toCodeKey(code)) === '0');
    expect(missing.map(({ file, key, code }) => `${file} ${key}: ${code} is not in the release`)).toEqual([]);
    expect(headers.map(({ file, key, code }) => `${file} ${key}: ${code} is a header, not a billable code`)).toEqual([]);
  });
});
