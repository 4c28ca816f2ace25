/**
 * The ICD-10-PCS index (official CMS XML, seeds/search/icd10pcs_index_2025.xml.gz):
 * `mainTerm` > nested `term level=n`, each with a `title` and at most one of
 * `code` (a whole code), `codes` (a table prefix of 4-6 characters: 0DTJ), `tab`
 * (a table: 0QB), `see` (a reference with the code or table it leads to) or `use`
 * (a body-part or device value to use instead; not a code, so not a name here).
 *
 * A name that leads to a prefix longer than a table is linked to the table (the deepest
 * node the graph holds: PCS codes hang directly under their 3-character table) and keeps
 * the prefix, which search uses to reach the codes under it. No edge per code: one
 * prefix such as 0SRC covers dozens of codes.
 */
import { NameRow, NamesFormatError, SuggestionRow } from './names.types';
import { collapse, walkXmlFile } from './sax';

interface Frame {
  element: 'mainTerm' | 'term';
  title: string;
  /** Text of a `see` child (without its code), when there is one. */
  see: string;
  code: string;
  line: number;
}

export interface PcsIndexResult {
  names: NameRow[];
  suggestions: SuggestionRow[];
  problems: NamesFormatError[];
}

const PCS_REF = /^[0-9A-HJ-NP-Z]{3,7}$/;

/**
 * Parses the PCS index XML. A reference that is not a PCS code or prefix is reported
 * with its line and skipped; XML that does not parse throws NamesFormatError (file:line).
 */
export function parseIcd10pcsIndex(file: string): PcsIndexResult {
  const stack: Frame[] = [];
  const names: NameRow[] = [];
  const problems: NamesFormatError[] = [];
  const codesOfMain = new Map<string, Set<string>>();

  const emit = (frame: Frame, source: string) => {
    if (!frame.code) return;
    const ref = frame.code.trim().toUpperCase();
    if (!PCS_REF.test(ref)) {
      problems.push(new NamesFormatError(source, frame.line, `expected an ICD-10-PCS code or table prefix, got '${frame.code}'`));
      return;
    }
    const levels = stack.map((f) => (f === frame && f.see ? [f.title, f.see].filter(Boolean).join(' > ') : f.title)).filter(Boolean);
    const label = levels.join(' > ');
    const main = stack[0]?.title ?? '';
    names.push({
      key: `${source}:${frame.line}`,
      system: 'ICD10PCS',
      codeKey: ref.length === 7 ? ref : ref.slice(0, 3),
      prefix: ref.length > 3 && ref.length < 7 ? ref : null,
      text: label,
      core: label,
      kind: 'PCS_INDEX',
      source,
      main: stack.length === 1,
      depth: stack.length - 1,
      see: frame.see || null,
    });
    if (!codesOfMain.has(main)) codesOfMain.set(main, new Set());
    codesOfMain.get(main)!.add(ref);
  };

  const isRef = (name: string) => name === 'code' || name === 'codes' || name === 'tab';
  // `text` holds the character data since the last tag, so at a `see`'s code element it
  // holds the reference's own words ("Resection, Appendix").
  const source = walkXmlFile(file, 'ICD10PCS.index', {
    open(tag, { line, elements, text }) {
      const parent = elements[elements.length - 2];
      if (tag.name === 'mainTerm' || tag.name === 'term') stack.push({ element: tag.name, title: '', see: '', code: '', line });
      const frame = stack[stack.length - 1];
      if (frame && parent === 'see' && isRef(tag.name)) frame.see = collapse(text);
    },
    close(tag, { source, elements, text }) {
      const parent = elements[elements.length - 1];
      const frame = stack[stack.length - 1];
      if (frame && (parent === 'mainTerm' || parent === 'term' || parent === 'see')) {
        if (tag.name === 'title' && parent !== 'see') frame.title = collapse(text);
        else if (isRef(tag.name)) frame.code = text.trim();
        else if (tag.name === 'see' && !frame.see) frame.see = collapse(text);
      }
      if (tag.name === 'mainTerm' || tag.name === 'term') {
        emit(stack[stack.length - 1]!, source);
        stack.pop();
      }
    },
  });
  const suggestions: SuggestionRow[] = [...codesOfMain].map(([main, refs]) => ({ key: main.toLowerCase(), text: main, codes: refs.size, source }));
  return { names, suggestions, problems };
}
