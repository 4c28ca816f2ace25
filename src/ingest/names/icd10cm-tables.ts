/**
 * The two tables of the ICD-10-CM index (official CDC/NCHS XML, FY2025): the Table of
 * Drugs and Chemicals (seeds/search/icd-10-cm-drug-2025.xml.gz) and the Neoplasm table
 * (icd-10-cm-neoplasm-2025.xml.gz). Each row (a substance or a neoplasm site, with its
 * subterm path) has six columns, each giving a code; every filled cell becomes a name of
 * that code that says its column, worded as the tabular titles word them:
 *
 *   Poisoning by Acetaminophen (accidental) (unintentional)   -> T39.1X1 (DRUG)
 *   Adverse effect of Acetaminophen                            -> T39.1X5
 *   Poisoning by Alcohol, absolute, beverage, assault          -> T51.0X3
 *   Malignant neoplasm of lung (primary)                       -> C34.9- (NEOPLASM)
 *   Secondary malignant neoplasm of lung, azygos lobe          -> C78.0-
 *
 * One phrase, not an index path ("Acetaminophen > adverse effect"): the column is what
 * the name is about, so a query that names only the substance or site ("anesth") must
 * not match it as if it were the whole name (the ranking lets the levels of a path after
 * the last query word cost little). The default column of a row is `main` and its
 * qualifier is a nonessential modifier (in parentheses, not a word the name must be
 * about): by the coding guidelines
 * (I.C.19.e.5.b) a poisoning of unstated intent is coded accidental, and a "malignant
 * neoplasm of <site>" (the wording of the C00-C96 titles) is the primary one. So
 * "acetaminophen poisoning" matches the accidental column whole. "Cancer" phrasing
 * ("lung cancer", "cancer of lung") reaches the malignant column through the curated
 * synonym "cancer" -> "malignant neoplasm" (seeds/search/synonyms.tsv): one reviewed rule
 * that already expands the query, rather than a third name per site.
 *
 * A row that only sends elsewhere ("Aleve, see Naproxen"; "accessory sinus, see
 * Neoplasm, sinus") takes the cells of the row it points to, resolved on the table's own
 * tree; references that lead nowhere are counted. A cell with a dash ("C34.9-") links to
 * the subcategory (cellCodeKey); "-" or "--" is an empty cell.
 */
import { allNodes, cellCodeKey, IndexXmlNode, isEmptyCell, pathTo, readIndexXml, seeResolver } from './icd10cm-index-xml';
import { NameRow, NamesFormatError, SuggestionRow } from './names.types';

interface Column {
  /** The `head` text the file must have for this column (case and spaces ignored). */
  head: string;
  /**
   * The name for the column, `{}` standing for the row's subject (substance or site);
   * parentheses hold nonessential qualifiers. Without a subject (the neoplasm table's own
   * row) " of {}" is left out.
   */
  pattern: string;
  /** The default column of a row. */
  main?: boolean;
}

export interface IndexTable {
  kind: 'DRUG' | 'NEOPLASM';
  /** Head of column 1 (what a row is). */
  rowHead: string;
  columns: Record<number, Column>;
  /** The levels of a row path that name its subject (the neoplasm table's main term "Neoplasm, neoplastic" does not). */
  subject(path: IndexXmlNode[]): IndexXmlNode[];
  /** The autocomplete term of a row path (`target`: the row whose cells it takes), or null for none. */
  suggestion(path: IndexXmlNode[], target: IndexXmlNode): string | null;
}

export const DRUG_TABLE: IndexTable = {
  kind: 'DRUG',
  rowHead: 'Substance',
  columns: {
    2: { head: 'Poisoning Accidental (unintentional)', pattern: 'Poisoning by {} (accidental) (unintentional)', main: true },
    3: { head: 'Poisoning Intentional self-harm', pattern: 'Poisoning by {}, intentional self-harm' },
    4: { head: 'Poisoning Assault', pattern: 'Poisoning by {}, assault' },
    5: { head: 'Poisoning Undetermined', pattern: 'Poisoning by {}, undetermined' },
    6: { head: 'Adverse effect', pattern: 'Adverse effect of {}' },
    7: { head: 'Underdosing', pattern: 'Underdosing of {}' },
  },
  subject: (path) => path,
  // medicines people type ("acetaminophen", "aleve"): main terms with an adverse-effect
  // column (drugs, not the chemicals and plants of the table), to keep the list short
  suggestion: (path, target) => (path.length === 1 && cellCodeKey(target.cells.get(6) ?? '') !== null ? path[0]!.term : null),
};

export const NEOPLASM_TABLE: IndexTable = {
  kind: 'NEOPLASM',
  rowHead: 'Neoplasm',
  columns: {
    2: { head: 'Malignant Primary', pattern: 'Malignant neoplasm of {} (primary)', main: true },
    3: { head: 'Malignant Secondary', pattern: 'Secondary malignant neoplasm of {}' },
    4: { head: 'Ca in situ', pattern: 'Carcinoma in situ of {}' },
    5: { head: 'Benign', pattern: 'Benign neoplasm of {}' },
    6: { head: 'Uncertain Behavior', pattern: 'Neoplasm of uncertain behavior of {}' },
    7: { head: 'Unspecified Behavior', pattern: 'Neoplasm of unspecified behavior of {}' },
  },
  subject: (path) => path.slice(1),
  // "neoplasm of lung": the sites of the first level (the main term is "Neoplasm, neoplastic")
  suggestion: (path) => (path.length === 2 ? `neoplasm of ${path[1]!.term}` : null),
};

export interface TableNamesResult {
  names: NameRow[];
  suggestions: SuggestionRow[];
  /** `see` rows whose target row was not found in the table. */
  unresolvedSee: number;
  problems: NamesFormatError[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** The words of a name without its parenthesised qualifiers. */
const coreOf = (s: string) => s.replace(/\s*\([^)]*\)/g, '').trim();
/** A column's pattern with the subject in; " of {}" / " by {}" dropped when there is none. */
const fill = (pattern: string, subject: string) => (subject ? pattern.replace('{}', subject) : pattern.replace(/ (of|by) \{\}/, ''));

/**
 * Parses a table file (`table`: DRUG_TABLE or NEOPLASM_TABLE). Throws NamesFormatError
 * when the XML does not parse or the column heads are not the expected ones (another
 * file); a cell that is not a code is reported with its line and skipped.
 */
export function parseIndexTable(file: string, table: IndexTable): TableNamesResult {
  const tree = readIndexXml(file);
  const { source } = tree;
  const expected: [number, string][] = [[1, table.rowHead], ...Object.entries(table.columns).map(([c, col]) => [Number(c), col.head] as [number, string])];
  for (const [col, head] of expected) {
    if (fold(tree.heads.get(col) ?? '') !== fold(head)) throw new NamesFormatError(source, 1, `expected column ${col} headed '${head}', got '${tree.heads.get(col) ?? ''}'`);
  }
  const hasCell = (n: IndexXmlNode) => [...n.cells.values()].some((v) => cellCodeKey(v) !== null);
  const resolve = seeResolver(tree, hasCell);
  const names: NameRow[] = [];
  const problems: NamesFormatError[] = [];
  const suggestions = new Map<string, { text: string; codes: Set<string> }>();
  let unresolvedSee = 0;
  for (const node of allNodes(tree)) {
    let target: IndexXmlNode | null = node;
    if (!hasCell(node)) {
      if (!node.see) continue;
      target = resolve(node.see);
      if (!target) {
        unresolvedSee += 1;
        continue;
      }
    }
    const path = pathTo(node);
    const levels = table.subject(path);
    // the subject's levels as one phrase, the modifiers of the last level kept in the text
    const subjectText = levels.map((l, i) => (i === levels.length - 1 && l.modifiers ? `${l.term} ${l.modifiers}` : l.term)).join(', ');
    const subjectCore = levels.map((l) => l.term).join(', ');
    const suggestion = table.suggestion(path, target);
    for (const [col, ref] of target.cells) {
      const column = table.columns[col];
      const codeKey = cellCodeKey(ref);
      if (!column || codeKey === null) {
        if (!column || !isEmptyCell(ref)) problems.push(new NamesFormatError(source, target.line, `expected an ICD-10-CM code in column ${col}, got '${ref}'`));
        continue;
      }
      names.push({
        key: `${source}:${node.line}:${col}`,
        system: 'ICD10CM',
        codeKey,
        prefix: null,
        text: fill(column.pattern, subjectText),
        core: coreOf(fill(column.pattern, subjectCore)) || subjectCore,
        kind: table.kind,
        source,
        main: column.main === true,
        depth: node.level,
        see: target === node ? null : node.see,
      });
      if (suggestion) {
        const key = fold(suggestion);
        if (!suggestions.has(key)) suggestions.set(key, { text: suggestion, codes: new Set() });
        suggestions.get(key)!.codes.add(codeKey);
      }
    }
  }
  return {
    names,
    suggestions: [...suggestions].map(([key, s]) => ({ key, text: s.text, codes: s.codes.size, source })),
    unresolvedSee,
    problems,
  };
}

/** The Table of Drugs and Chemicals (DRUG names). */
export const parseDrugTable = (file: string) => parseIndexTable(file, DRUG_TABLE);
/** The Neoplasm table (NEOPLASM names). */
export const parseNeoplasmTable = (file: string) => parseIndexTable(file, NEOPLASM_TABLE);
