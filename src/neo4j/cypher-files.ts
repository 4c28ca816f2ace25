import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';

/** Root of the Cypher sources: one statement per file, parameters only. */
export const CYPHER_DIR = path.join(REPO_ROOT, 'cypher');

/** Shared pieces of Cypher (cypher/fragments/<name>.cypher), our own files only, never user text. */
export const FRAGMENT_DIR = path.join(CYPHER_DIR, 'fragments');

/** A fragment spread: `...name` (lowercase words joined by dashes), as in `c {...light-code}`. */
const SPREAD_RE = /\.\.\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/g;

const loaded = new Map<string, string>();
const fragments = new Map<string, string>();

/** The text of fragment `name` without comments; throws naming the file and line that spread an unknown one. */
function fragment(name: string, where: string): string {
  const cached = fragments.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(FRAGMENT_DIR, `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`${where}: unknown Cypher fragment "...${name}" (no ${path.relative(REPO_ROOT, file)})`);
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  if (text.length === 0) throw new Error(`empty Cypher fragment ${path.relative(REPO_ROOT, file)}`);
  if (new RegExp(SPREAD_RE.source).test(text)) throw new Error(`Cypher fragment ${path.relative(REPO_ROOT, file)} spreads another fragment; fragments do not nest`);
  fragments.set(name, text);
  return text;
}

/**
 * The text of cypher/fragments/<name>.cypher, for the one tested builder that assembles Cypher
 * in code (src/modules/code/code-page.query.ts), so it projects exactly what the files spread.
 * Throws Error when there is no such fragment.
 */
export function cypherFragment(name: string): string {
  return fragment(name, 'cypherFragment()');
}

/**
 * Puts each `...name` spread of `text` (the contents of `file`) in as cypher/fragments/name.cypher.
 * Comment lines are left as they are. Throws Error naming file and line of an unknown fragment.
 * A file without spreads (the form that writes the projection out) comes back unchanged.
 */
export function expandFragments(text: string, file: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (/^\s*\/\//.test(line) ? line : line.replace(SPREAD_RE, (_m, name: string) => fragment(name, `${path.relative(REPO_ROOT, file)}:${i + 1}`))))
    .join('\n');
}

/**
 * Reads `cypher/queries/<name>.cypher` once, at module load of the repository that
 * names it, so a missing file fails when the service starts, never at request time.
 * Fragment spreads are expanded (expandFragments). Throws Error naming the missing path,
 * or the file and line of an unknown fragment.
 */
export function cypherQuery(name: string): string {
  const cached = loaded.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(CYPHER_DIR, 'queries', `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`missing Cypher file ${path.relative(REPO_ROOT, file)}`);
  const text = stripComments(expandFragments(fs.readFileSync(file, 'utf8'), file));
  if (text.length === 0) throw new Error(`empty Cypher file ${path.relative(REPO_ROOT, file)}`);
  loaded.set(name, text);
  return text;
}

/** Drops `//` line comments (our files start with a header saying what they do) and trailing semicolons. */
export function stripComments(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
}

/** Every .cypher file below `dir`, relative names without extension, sorted. */
export function listCypherFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.cypher')) out.push(path.relative(dir, p).replace(/\.cypher$/, ''));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}
