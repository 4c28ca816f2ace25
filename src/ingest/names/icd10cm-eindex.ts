/**
 * The ICD-10-CM External Cause of Injuries index (official CDC/NCHS XML, FY2025,
 * seeds/search/icd-10-cm-eindex-2025.xml.gz), read like the CM index loader reads the
 * Index to Diseases: every term path whose last level carries a code (`code`, or a
 * `subcat` / `seecat` reference) becomes an EXTERNAL_CAUSE name of that code
 * ("Bite, bitten by > dog" -> W54.0); the main term's own code is `main`; a term that
 * only sends elsewhere ("Accident > automobile, see Accident, transport, car occupant")
 * is linked to the code of the term it points to, resolved on this index's own tree.
 * A dash ("W26.-") links to the subcategory, as in the CM index.
 */
import { allNodes, cellCodeKey, IndexXmlNode, pathTo, readIndexXml, seeResolver } from './icd10cm-index-xml';
import { NameRow, NamesFormatError, SuggestionRow } from './names.types';

export interface ExternalCauseResult {
  names: NameRow[];
  suggestions: SuggestionRow[];
  /** `see` references that did not lead to a coded term ("Forces of nature, by type"). */
  unresolvedSee: number;
  problems: NamesFormatError[];
}

/** Parses the External Cause index XML; XML that does not parse throws NamesFormatError (file:line). */
export function parseExternalCauseIndex(file: string): ExternalCauseResult {
  const tree = readIndexXml(file);
  const { source } = tree;
  const resolve = seeResolver(tree, (n) => cellCodeKey(n.code) !== null);
  const names: NameRow[] = [];
  const problems: NamesFormatError[] = [];
  const codesOfMain = new Map<IndexXmlNode, Set<string>>();
  let unresolvedSee = 0;
  for (const node of allNodes(tree)) {
    let target: IndexXmlNode | null = node;
    if (!node.code) {
      if (!node.see) continue;
      target = resolve(node.see);
      if (!target) {
        unresolvedSee += 1;
        continue;
      }
    }
    const codeKey = cellCodeKey(target.code);
    if (!codeKey) {
      problems.push(new NamesFormatError(source, target.line, `expected an ICD-10-CM code, got '${target.code}'`));
      continue;
    }
    const path = pathTo(node);
    names.push({
      key: `${source}:${node.line}`,
      system: 'ICD10CM',
      codeKey,
      prefix: null,
      // nonessential modifiers of the last level only, as in the CM index names
      text: path.map((l, i) => (i === path.length - 1 && l.modifiers ? `${l.term} ${l.modifiers}` : l.term)).join(' > '),
      core: path.map((l) => l.term).join(' > '),
      kind: 'EXTERNAL_CAUSE',
      source,
      main: target === node && node.level === 0,
      depth: node.level,
      see: target === node ? null : node.see,
    });
    const main = path[0]!;
    if (!codesOfMain.has(main)) codesOfMain.set(main, new Set());
    codesOfMain.get(main)!.add(codeKey);
  }
  const suggestions: SuggestionRow[] = [...codesOfMain].map(([main, codes]) => {
    const first = main.term.split(/,\s*/)[0]!.trim();
    return { key: first.toLowerCase(), text: first, codes: codes.size, source };
  });
  return { names, suggestions, unresolvedSee, problems };
}
