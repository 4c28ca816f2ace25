/**
 * Names of codes other than their official titles (titles are searched on the Code
 * itself, cypher/schema/030): each becomes a `(:Name)-[:NAME_OF]->(:Code)` in the graph.
 */

/** What kind of name a Name node is; searched and explained by kind (README "Search"). */
export const NAME_KINDS = [
  /** An ICD-10-CM alphabetic-index term path (main term > subterms) whose last level carries a code. */
  'INDEX',
  /** An ICD-10-CM index term that sends to another term ("see"); linked to the code of the term it points to. */
  'INDEX_SEE',
  /** A tabular-list inclusion term ("Classical cholera" under A00.0) or an "includes" note. */
  'INCLUSION',
  /** An ICD-10-PCS index term leading to a code, a table, or a table prefix (Appendectomy > Resection, Appendix 0DTJ). */
  'PCS_INDEX',
  /** Table of Drugs and Chemicals: substance and the intent column (poisoning accidental, adverse effect, ...). */
  'DRUG',
  /** External Cause of Injuries index term. */
  'EXTERNAL_CAUSE',
  /** Neoplasm table: site and behaviour column (malignant primary, benign, ...). */
  'NEOPLASM',
] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface NameRow {
  /** Stable identity: source file + position, so a reload MERGEs the same node. */
  key: string;
  system: 'ICD10CM' | 'ICD10PCS';
  /** The code or the deepest code node that exists for a prefix: codeKey form (no dot, upper case). */
  codeKey: string;
  /**
   * For PCS names that lead to a table prefix longer than a table (0DTJ): the prefix; the
   * search reaches the codes under it (codeKey STARTS WITH prefix) instead of one edge per code.
   */
  prefix: string | null;
  /** The name as a reader sees it: index levels joined with " > ", nonessential modifiers kept in parentheses. */
  text: string;
  /** The words that are not nonessential modifiers: what a name must be about. */
  core: string;
  kind: NameKind;
  /** Release file it came from (basename). */
  source: string;
  /**
   * True for the default a coder picks: the code an index main term itself gives
   * (Hypertension -> I10; an External Cause main term), or a table's default column
   * (poisoning accidental in the drug table, malignant primary in the neoplasm table).
   */
  main: boolean;
  /** Index level of the row that carries the code (0 = main term). */
  depth: number;
  /** For INDEX_SEE: the term it pointed to ("Infarct, myocardium"). */
  see: string | null;
}

/** A term offered by autocomplete: an index main term, a PCS index term, a synonym. */
export interface SuggestionRow {
  /** Folded text (lower case, accents removed): one suggestion per text. */
  key: string;
  text: string;
  /** How many codes the term reaches (more first); 0 when unknown (a synonym). */
  codes: number;
  source: string;
}

/** A line of a names file that could not be read; loads skip it and report it (file:line). */
export class NamesFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'NamesFormatError';
  }
}

/** The codeKey of an index code reference: dot and the trailing "-" (more characters needed) removed, upper case. */
export function indexCodeKey(code: string): string | null {
  const k = code.trim().replace(/-+$/, '').replace(/\./g, '').toUpperCase();
  return /^[A-Z0-9]{3,7}$/.test(k) ? k : null;
}
