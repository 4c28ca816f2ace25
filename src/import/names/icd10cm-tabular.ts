/**
 * Inclusion terms of the ICD-10-CM tabular list (official CDC/NCHS XML,
 * seeds/search/icd10c-tabular-April-1-2026.xml.gz): each `note` of a `diag`'s
 * `inclusionTerm` ("Classical cholera" under A00.0) and of its `includes` notes
 * becomes an INCLUSION name of that code. Excludes notes are not names of the code
 * and are left out.
 */
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { indexCodeKey, NameRow, NamesFormatError } from './names.types';
import { readTextFile } from './read-text';

export interface CmTabularResult {
  names: NameRow[];
  problems: NamesFormatError[];
}

/** Parses the tabular XML; XML that does not parse throws NamesFormatError (file:line). */
export function parseIcd10cmTabular(file: string): CmTabularResult {
  const source = path.basename(file);
  const xml = readTextFile(file);
  const parser = new SaxesParser({ position: true });
  const elements: string[] = [];
  const diags: { code: string | null; line: number }[] = [];
  const names: NameRow[] = [];
  const problems: NamesFormatError[] = [];
  let text = '';
  parser.on('opentag', (tag) => {
    elements.push(tag.name);
    if (elements.length === 1 && tag.name !== 'ICD10CM.tabular') throw new NamesFormatError(source, parser.line, `expected the root element ICD10CM.tabular, got ${tag.name}`);
    if (tag.name === 'diag') diags.push({ code: null, line: parser.line });
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    elements.pop();
    const parent = elements[elements.length - 1];
    const grand = elements[elements.length - 2];
    const diag = diags[diags.length - 1];
    if (tag.name === 'name' && parent === 'diag' && diag) {
      diag.code = indexCodeKey(text);
      if (!diag.code) problems.push(new NamesFormatError(source, parser.line, `expected an ICD-10-CM code in <name>, got '${text.trim()}'`));
    } else if (tag.name === 'note' && (parent === 'inclusionTerm' || parent === 'includes') && grand === 'diag' && diag?.code) {
      const note = text.replace(/\s+/g, ' ').trim();
      if (note) {
        names.push({ key: `${source}:${parser.line}`, system: 'ICD10CM', codeKey: diag.code, prefix: null, text: note, core: note.replace(/\s*\([^)]*\)/g, '').trim() || note, kind: 'INCLUSION', source, main: false, depth: 0, see: null });
      }
    } else if (tag.name === 'diag') {
      diags.pop();
    }
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof NamesFormatError) throw err;
    throw new NamesFormatError(source, parser.line, `not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  return { names, problems };
}
