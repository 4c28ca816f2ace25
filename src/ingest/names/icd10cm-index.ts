/**
 * The ICD-10-CM Index to Diseases and Injuries, read from the shipped flattening of the
 * official FY2025 index XML (seeds/search/ICD10CM_2025_Index.csv.gz; one row per term,
 * `Level` 0 = main term, the parent of a row is the nearest earlier row of lower level).
 *
 * Every row that carries a code becomes an INDEX name whose text is the whole term path
 * ("Attack, attacks > transient ischemic (TIA)", the modifiers of the last level only); the main term's own code is marked
 * `main` (the default a coder picks). A row that sends elsewhere ("see Infarct,
 * myocardium") becomes an INDEX_SEE name linked to the code of the term it points to,
 * resolved on the index's own tree; references that cannot be resolved to a coded term
 * are counted, not guessed. A row with neither a code nor a "see" but a "see also" ("Flu,
 * see also Influenza") is read the same way, through its see-also reference.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { indexCodeKey, NameRow, NamesFormatError, SuggestionRow } from './names.types';
import { readTextFile } from './read-text';

const HEADER = ['RowID', 'Letter', 'Level', 'Term', 'See', 'SeeAlso', 'NonEssModif', 'Code'];

interface IndexNode {
  line: number;
  level: number;
  term: string;
  modifiers: string;
  see: string;
  seeAlso: string;
  code: string;
  parent: IndexNode | null;
  children: IndexNode[];
}

export interface CmIndexResult {
  names: NameRow[];
  suggestions: SuggestionRow[];
  /** "see" references that did not lead to a coded term (instructions such as "code to condition", uncoded headings). */
  unresolvedSee: number;
  problems: NamesFormatError[];
}

const lower = (s: string) => s.trim().toLowerCase();
/** "Infarct, infarction" -> ["infarct", "infarction"]: the variants a main term lists. */
const variants = (term: string) => term.split(/,\s*/).map(lower).filter(Boolean);

function levelText(n: IndexNode): string {
  return n.modifiers ? `${n.term} ${n.modifiers}` : n.term;
}
function pathOf(n: IndexNode): IndexNode[] {
  const out: IndexNode[] = [];
  for (let x: IndexNode | null = n; x; x = x.parent) out.unshift(x);
  return out;
}

/** The child of `n` (or main term) that a part of a see-reference names: same text, or its first variant. */
function findChild(children: IndexNode[], part: string): IndexNode | undefined {
  const p = lower(part);
  return children.find((c) => lower(c.term) === p) ?? children.find((c) => variants(c.term)[0] === p) ?? children.find((c) => lower(c.term).startsWith(`${p} `) || lower(c.term).startsWith(`${p},`));
}

/**
 * Parses the index CSV. Malformed rows (wrong column count, a level that skips, a bad
 * code) are reported with their line and skipped. Never throws for content; throws
 * Error when the header is not the expected one.
 */
export function parseIcd10cmIndex(file: string): CmIndexResult {
  const source = path.basename(file);
  const text = readTextFile(file);
  const records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = records.shift();
  if (!header || header.join(',') !== HEADER.join(',')) {
    throw new NamesFormatError(source, 1, `expected the header ${HEADER.join(',')}`);
  }
  const problems: NamesFormatError[] = [];
  const mains = new Map<string, IndexNode>();
  const all: IndexNode[] = [];
  const stack: IndexNode[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    if (r.length !== HEADER.length) {
      problems.push(new NamesFormatError(source, line, `expected ${HEADER.length} columns, got ${r.length}`));
      return;
    }
    const [, , levelText_, term, see, seeAlso, modifiers, code] = r as [string, string, string, string, string, string, string, string];
    const level = Number(levelText_);
    if (!Number.isInteger(level) || level < 0 || level > stack.length) {
      problems.push(new NamesFormatError(source, line, `expected a level from 0 to ${stack.length}, got '${levelText_}'`));
      return;
    }
    // a subterm may be a nonessential modifier only ("persistent" > "(somatoform)"): the modifier is its term
    const termText = term.trim() || modifiers.trim().replace(/^\((.*)\)$/, '$1');
    if (!termText) {
      problems.push(new NamesFormatError(source, line, 'expected a term'));
      return;
    }
    stack.length = level;
    const parent = level > 0 ? stack[level - 1]! : null;
    const node: IndexNode = { line, level, term: termText, modifiers: term.trim() ? modifiers.trim() : '', see: see.trim(), seeAlso: seeAlso.trim(), code: code.trim(), parent, children: [] };
    parent?.children.push(node);
    stack.push(node);
    all.push(node);
    if (level === 0) {
      for (const k of [lower(node.term), ...variants(node.term)]) if (!mains.has(k)) mains.set(k, node);
    }
  });

  /** The coded term a see-reference names, or null. "Infarct, myocardium" -> main "Infarct, infarction" > "myocardium". */
  const resolve = (ref: string): IndexNode | null => {
    const clean = ref
      .replace(/^[-\s]+/, '')
      .replace(/\s+code$/i, '')
      .trim();
    const parts = clean.split(/,\s*/).filter(Boolean);
    for (let i = parts.length; i >= 1; i--) {
      let node: IndexNode | undefined = mains.get(lower(parts.slice(0, i).join(', ')));
      for (let j = i; node && j < parts.length; j++) node = findChild(node.children, parts[j]!);
      if (node?.code && indexCodeKey(node.code)) return node;
    }
    return null;
  };

  const names: NameRow[] = [];
  let unresolvedSee = 0;
  const codesUnder = new Map<IndexNode, Set<string>>();
  for (const node of all) {
    const levels = pathOf(node);
    // nonessential modifiers belong to their own level: those of the main term
    // ("Diabetes (mellitus)") do not describe its subterms ("insipidus")
    const text = levels.map((l, i) => (i === levels.length - 1 ? levelText(l) : l.term)).join(' > ');
    const core = levels.map((l) => l.term).join(' > ');
    const main = levels[0]!;
    let target: IndexNode | null = null;
    let kind: 'INDEX' | 'INDEX_SEE' = 'INDEX';
    let see: string | null = null;
    if (node.code) {
      target = node;
    } else if (node.see) {
      target = resolve(node.see);
      kind = 'INDEX_SEE';
      see = node.see;
      if (!target) unresolvedSee += 1;
    } else if (node.seeAlso) {
      // A term with no code of its own that says "see also" ("Flu - see also Influenza") leads
      // where that reference does (Influenza J11.1); its subterms keep their own codes.
      target = resolve(node.seeAlso);
      kind = 'INDEX_SEE';
      see = node.seeAlso;
    }
    if (!target) continue;
    const codeKey = indexCodeKey(target.code);
    if (!codeKey) {
      problems.push(new NamesFormatError(source, target.line, `expected an ICD-10-CM code, got '${target.code}'`));
      continue;
    }
    names.push({
      key: `${source}:${node.line}`,
      system: 'ICD10CM',
      codeKey,
      prefix: null,
      text,
      core,
      kind,
      source,
      main: kind === 'INDEX' && node.level === 0,
      depth: node.level,
      see,
    });
    if (!codesUnder.has(main)) codesUnder.set(main, new Set());
    codesUnder.get(main)!.add(codeKey);
  }
  const suggestions: SuggestionRow[] = [];
  for (const [main, codes] of codesUnder) {
    const first = main.term.split(/,\s*/)[0]!.trim();
    suggestions.push({ key: lower(first), text: first, codes: codes.size, source });
  }
  return { names, suggestions, unresolvedSee, problems };
}
