/**
 * Types shared by the release-file parsers of the public-domain code sets
 * (ICD-10-CM, ICD-10-PCS, HCPCS Level II).
 *
 * A parser turns one official release file into a stream of `CodeRow`s in
 * file order, with the grouping rows the file does not hold itself (chapters,
 * blocks, PCS sections and body systems, HCPCS letter sections and ranges)
 * inserted just before their first child, so that a consumer that writes rows
 * in stream order always sees a parent before its children.
 */
import type { CodeSystem } from '../../domain/code-system';

export type CodeLevel = 'chapter' | 'block' | 'category' | 'subcategory' | 'code' | 'section' | 'body-system' | 'table' | 'range' | 'modifier';

export interface CodeRow {
  system: CodeSystem;
  /**
   * Published form: ICD-10-CM with its dot (M62.830); ranges as `first-last`
   * (ICD-10-CM blocks `M60-M63`, single-category blocks `B20-B20`, chapters
   * their range `M00-M99`, HCPCS ranges `A0021-A0999`).
   */
  code: string;
  /**
   * Identity within the system. `toCodeKey(code)` for real codes; for derived
   * grouping rows a key that cannot clash with a code: ICD-10-CM chapters
   * `CH13`, blocks their range `M60-M63` (hyphen kept, so it is never a code),
   * HCPCS letter sections the letter, ranges `A0021-A0999`, modifiers' parent
   * `MODIFIERS`.
   */
  codeKey: string;
  /** Long description. */
  title: string;
  /** Short (abbreviated) description; null when the file gives none (derived rows). */
  shortTitle: string | null;
  /** ICD: the valid flag (1 = billable); HCPCS procedure codes true; modifiers and grouping rows false. */
  billable: boolean;
  /** HCPCS: false when the record has a termination date; every other row true. */
  active: boolean;
  level: CodeLevel;
  /** codeKey of the parent row in the same system; null for roots. */
  parentKey: string | null;
  /** Position within the system's stream (0-based, no gaps); derived rows come just before their first child. */
  seq: number;
  /** HCPCS only: ISO yyyy-mm-dd, null when blank. */
  addedDate?: string | null;
  /** HCPCS only: ISO yyyy-mm-dd, null when blank. */
  terminationDate?: string | null;
  /** HCPCS only: ISO date the last action took effect, null when blank. */
  actionEffectiveDate?: string | null;
  /** HCPCS only: one-letter action code (A added, C changed, D discontinued, N no change, ...), null when blank. */
  actionCode?: string | null;
  /** 1-based line in the source file (the first line of a multi-line HCPCS record); absent on derived rows. */
  line?: number;
}

/** A line the parser could not turn into a row. The line is skipped; `message` says what was expected. */
export interface RowProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * How a parser reports problems. Exactly one policy applies:
 * - `strict: true`: the first problem rejects the iteration with a `CodesetFormatError`.
 * - otherwise, with `onProblem`: each problem is passed to it and the line is skipped
 *   (CMS and NCHS files are otherwise consistent; one bad line should not block
 *   thousands of good ones, and the caller sees every skip).
 * - with neither: strict, so nothing is ever dropped silently.
 */
export interface ParseOptions {
  onProblem?: (problem: RowProblem) => void;
  strict?: boolean;
}

/** A release file (or a seed file describing one) that does not have the expected shape. */
export class CodesetFormatError extends Error {
  readonly file: string;
  /** 1-based line, or 0 when the problem is not tied to one line. */
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = 'CodesetFormatError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Builds the report function a parser calls for each skipped line, applying
 * the policy described on `ParseOptions`. Throws `CodesetFormatError` in strict mode.
 */
export function problemReporter(file: string, options: ParseOptions | undefined): (line: number, message: string) => void {
  const onProblem = options?.onProblem;
  const strict = options?.strict ?? onProblem === undefined;
  return (line, message) => {
    if (strict || onProblem === undefined) throw new CodesetFormatError(file, line, message);
    onProblem({ file, line, message });
  };
}
