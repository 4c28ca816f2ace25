/**
 * The tree of an official ICD-10-CM index XML file of the FY2025 release (the Table of
 * Drugs and Chemicals, the Neoplasm table, the External Cause of Injuries index): root
 * `ICD10CM.index` > `letter` > `mainTerm` > nested `term level=n`, each with a `title`
 * (nonessential modifiers in `nemod`), maybe a `see` / `seeAlso`, and either table
 * `cell col=n` elements (the tables) or one `code` / `subcat` / `seecat` (the index).
 * The name builders (icd10cm-tables.ts, icd10cm-eindex.ts) walk this tree.
 */
import { indexCodeKey, NamesFormatError } from './names.types';
import { collapse, walkXmlFile } from './sax';

export interface IndexXmlNode {
  /** Line of the `mainTerm` / `term` element. */
  line: number;
  /** 0 for a main term. */
  level: number;
  /** The title without its nonessential modifiers ("Abandonment NEC"). */
  term: string;
  /** The nonessential modifiers, parentheses kept ("(adult) (child)"); '' when none. */
  modifiers: string;
  /** Text of a `see` reference ("Accident, transport, car occupant"); '' when none. */
  see: string;
  /** Table cells by column number (2..7), as written ("T39.1X1", "C34.9-", "--"). */
  cells: Map<number, string>;
  /** The code of an index term (`code`, `subcat` or `seecat`), as written; '' when none. */
  code: string;
  parent: IndexXmlNode | null;
  children: IndexXmlNode[];
}

export interface IndexXmlTree {
  source: string;
  /** `head col=n` texts of a table's `indexHeading` (empty for the index). */
  heads: Map<number, string>;
  mains: IndexXmlNode[];
}

/** Reads the tree. XML that does not parse, or another root, throws NamesFormatError (file:line). */
export function readIndexXml(file: string): IndexXmlTree {
  const heads = new Map<number, string>();
  const mains: IndexXmlNode[] = [];
  const stack: IndexXmlNode[] = [];
  // the title of the innermost term, collected across its nemod children
  let title: string[] = [];
  let nemod: string[] = [];
  const source = walkXmlFile(file, 'ICD10CM.index', {
    open(tag, { line, elements, text }) {
      if (tag.name === 'mainTerm' || tag.name === 'term') {
        const parent = stack[stack.length - 1] ?? null;
        const node: IndexXmlNode = { line, level: stack.length, term: '', modifiers: '', see: '', cells: new Map(), code: '', parent, children: [] };
        if (parent) parent.children.push(node);
        else mains.push(node);
        stack.push(node);
      } else if (tag.name === 'title') {
        title = [];
        nemod = [];
      } else if (tag.name === 'nemod' && elements[elements.length - 2] === 'title') {
        title.push(text);
      }
    },
    close(tag, { line, source, elements, text }) {
      const parent = elements[elements.length - 1];
      const node = stack[stack.length - 1];
      if (tag.name === 'head' && parent === 'indexHeading') {
        heads.set(Number(tag.attributes.col), collapse(text));
      } else if (tag.name === 'nemod' && parent === 'title') {
        nemod.push(collapse(text));
      } else if (!node || (parent !== 'mainTerm' && parent !== 'term')) {
        // a letter's own title, the file's title: not a term
      } else if (tag.name === 'title') {
        title.push(text);
        node.term = collapse(title.join(' '));
        node.modifiers = nemod.filter(Boolean).join(' ');
      } else if (tag.name === 'see') {
        node.see = collapse(text);
      } else if (tag.name === 'cell') {
        const col = Number(tag.attributes.col);
        if (!Number.isInteger(col)) throw new NamesFormatError(source, line, `expected a column number in <cell col>, got '${tag.attributes.col ?? ''}'`);
        node.cells.set(col, text.trim());
      } else if (tag.name === 'code' || tag.name === 'subcat' || tag.name === 'seecat') {
        node.code = text.trim();
      }
      if (tag.name === 'mainTerm' || tag.name === 'term') stack.pop();
    },
  });
  return { source, heads, mains };
}

/** The path from the main term down to `n`. */
export function pathTo(n: IndexXmlNode): IndexXmlNode[] {
  const out: IndexXmlNode[] = [];
  for (let x: IndexXmlNode | null = n; x; x = x.parent) out.unshift(x);
  return out;
}

/** Every node of the tree, depth first, main terms in file order. */
export function allNodes(tree: IndexXmlTree): IndexXmlNode[] {
  const out: IndexXmlNode[] = [];
  const visit = (n: IndexXmlNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  tree.mains.forEach(visit);
  return out;
}

/**
 * A code reference of an index or table ("T39.1X1", "C34.9-", "W54.0") as a codeKey, or
 * null for an empty cell ("-", "--"). A trailing dash (more characters needed) is
 * dropped, as the CM index loader does: the name links to the subcategory, which exists
 * in the code set (C34.9- -> C349), and search reaches the codes under it from there.
 * Anything else that is not an ICD-10-CM code also gives null (the callers report it).
 */
export const cellCodeKey = (ref: string): string | null => (CM_REF.test(ref.trim()) ? indexCodeKey(ref) : null);
/** An ICD-10-CM code as the tables write it: letter, digit, character, then up to 4 after the dot, maybe dashes. */
const CM_REF = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{0,4})?-*$/i;
/** An empty table cell: one or two dashes. */
export const isEmptyCell = (ref: string) => /^-*$/.test(ref.trim());

const lower = (s: string) => s.trim().toLowerCase();
/** "Neoplasm, neoplastic" -> ["neoplasm", "neoplastic"]: the forms a main term lists. */
const variants = (term: string) => term.split(/,\s*/).map(lower).filter(Boolean);

function findChild(children: IndexXmlNode[], part: string): IndexXmlNode | undefined {
  const p = lower(part);
  return children.find((c) => lower(c.term) === p) ?? children.find((c) => variants(c.term)[0] === p) ?? children.find((c) => lower(c.term).startsWith(`${p} `) || lower(c.term).startsWith(`${p},`));
}

/**
 * A resolver of `see` references on the tree's own terms, the way the CM index loader
 * resolves them: "Neoplasm, sinus" -> main term "Neoplasm, neoplastic" > "sinus";
 * "Naproxen" -> that main term. `hasCode` says whether a node is a usable target.
 * Returns null when the reference names no such node (an instruction such as "Forces
 * of nature, by type", or a heading without codes): counted by the caller, not guessed.
 */
export function seeResolver(tree: IndexXmlTree, hasCode: (n: IndexXmlNode) => boolean): (ref: string) => IndexXmlNode | null {
  const mains = new Map<string, IndexXmlNode>();
  for (const m of tree.mains) {
    for (const k of [lower(m.term), ...variants(m.term)]) if (!mains.has(k)) mains.set(k, m);
  }
  return (ref) => {
    const parts = ref
      .replace(/^[-\s]+/, '')
      .split(/,\s*/)
      .filter(Boolean);
    for (let i = parts.length; i >= 1; i--) {
      let node: IndexXmlNode | undefined = mains.get(lower(parts.slice(0, i).join(', ')));
      for (let j = i; node && j < parts.length; j++) node = findChild(node.children, parts[j]!);
      if (node && hasCode(node)) return node;
    }
    return null;
  };
}
