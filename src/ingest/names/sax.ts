/**
 * The one SAX walk the XML names files share (CM tabular, PCS index, drug, neoplasm and
 * external-cause tables): read the file (plain or gzipped), check the root element, keep
 * the open elements and the character data since the last tag, and turn a parse error
 * into a NamesFormatError with the file and line. saxes is the XML parser: a
 * well-kept, spec-conforming streaming parser, so no XML is parsed by hand here.
 */
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { NamesFormatError } from './names.types';
import { readTextFile } from './read-text';

/** What a handler sees at a tag. Lives for one parse; `elements` changes as the walk goes on. */
export interface XmlCursor {
  /** Basename of the file: the `source` of the names and the file of a NamesFormatError. */
  readonly source: string;
  /** Line of the tag just read. */
  readonly line: number;
  /**
   * The open elements, outermost first. At an open tag it ends with the element just
   * opened; at a close tag the element just closed is already removed (so the last
   * entry is its parent).
   */
  readonly elements: readonly string[];
  /** Character data since the previous tag (open or close), as written (not trimmed). */
  readonly text: string;
}

/** An element's name and attributes (no namespaces: the names files use none). */
export interface XmlTag {
  name: string;
  attributes: Readonly<Record<string, string>>;
}

export interface XmlHandlers {
  open?(tag: XmlTag, at: XmlCursor): void;
  close?(tag: XmlTag, at: XmlCursor): void;
}

/**
 * Walks the XML file `file` whose root element must be `root`, calling the handlers at
 * each open and close tag. Throws NamesFormatError (file:line) for a missing or other
 * root element and for XML that is not well-formed; a NamesFormatError thrown by a
 * handler is passed on as it is. Returns the file's basename.
 */
export function walkXmlFile(file: string, root: string, handlers: XmlHandlers): string {
  const source = path.basename(file);
  const xml = readTextFile(file);
  const parser = new SaxesParser({ position: true, xmlns: false });
  const elements: string[] = [];
  let text = '';
  let rootSeen = false;
  const cursor: XmlCursor = {
    source,
    get line() {
      return parser.line;
    },
    elements,
    get text() {
      return text;
    },
  };
  parser.on('opentag', (tag) => {
    elements.push(tag.name);
    if (elements.length === 1) {
      if (tag.name !== root) throw new NamesFormatError(source, parser.line, `expected the root element ${root}, got ${tag.name}`);
      rootSeen = true;
    }
    handlers.open?.({ name: tag.name, attributes: tag.attributes }, cursor);
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    elements.pop();
    handlers.close?.({ name: tag.name, attributes: tag.attributes }, cursor);
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof NamesFormatError) throw err;
    throw new NamesFormatError(source, parser.line, `not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  if (!rootSeen) throw new NamesFormatError(source, 1, `expected the root element ${root}`);
  return source;
}

/** Runs of white space as one space, trimmed. */
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
