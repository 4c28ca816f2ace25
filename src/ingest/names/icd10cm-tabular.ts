/**
 * Inclusion terms of the ICD-10-CM tabular list (official CDC/NCHS XML,
 * seeds/search/icd10c-tabular-April-1-2026.xml.gz): each `note` of a `diag`'s
 * `inclusionTerm` ("Classical cholera" under A00.0) and of its `includes` notes
 * becomes an INCLUSION name of that code. Excludes notes are not names of the code
 * and are left out.
 */
import { indexCodeKey, NameRow, NamesFormatError } from './names.types';
import { collapse, walkXmlFile } from './sax';

export interface CmTabularResult {
  names: NameRow[];
  problems: NamesFormatError[];
}

/** Parses the tabular XML; XML that does not parse throws NamesFormatError (file:line). */
export function parseIcd10cmTabular(file: string): CmTabularResult {
  const diags: { code: string | null; line: number }[] = [];
  const names: NameRow[] = [];
  const problems: NamesFormatError[] = [];
  walkXmlFile(file, 'ICD10CM.tabular', {
    open(tag, at) {
      if (tag.name === 'diag') diags.push({ code: null, line: at.line });
    },
    close(tag, { source, line, elements, text }) {
      const parent = elements[elements.length - 1];
      const grand = elements[elements.length - 2];
      const diag = diags[diags.length - 1];
      if (tag.name === 'name' && parent === 'diag' && diag) {
        diag.code = indexCodeKey(text);
        if (!diag.code) problems.push(new NamesFormatError(source, line, `expected an ICD-10-CM code in <name>, got '${text.trim()}'`));
      } else if (tag.name === 'note' && (parent === 'inclusionTerm' || parent === 'includes') && grand === 'diag' && diag?.code) {
        const note = collapse(text);
        if (note) {
          names.push({
            key: `${source}:${line}`,
            system: 'ICD10CM',
            codeKey: diag.code,
            prefix: null,
            text: note,
            core: note.replace(/\s*\([^)]*\)/g, '').trim() || note,
            kind: 'INCLUSION',
            source,
            main: false,
            depth: 0,
            see: null,
          });
        }
      } else if (tag.name === 'diag') {
        diags.pop();
      }
    },
  });
  return { names, problems };
}
