/**
 * The one error a code page can produce: the page (or what the caller said
 * about it) cannot be read. It names the file, the 1-based line and what the
 * parser expected there, so whoever fixes the page knows where to look.
 */
export class PageParseError extends Error {
  override readonly name = 'PageParseError';
  /** Fixed code, so callers (CLI, GraphQL mutations) can map it without instanceof. */
  readonly code = 'PAGE_PARSE_ERROR';
  /** The file name the caller gave, or null when the text came from elsewhere. */
  readonly file: string | null;
  /** 1-based line of the problem (line 1 for problems with the page as a whole). */
  readonly line: number;
  /** What the parser expected there, phrased to follow the word "expected". */
  readonly expected: string;

  constructor(file: string | null, line: number, expected: string) {
    super(`${file ?? '<page>'}:${line}: expected ${expected}`);
    this.file = file;
    this.line = line;
    this.expected = expected;
  }
}
