import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';

/** Root of the Cypher sources: one statement per file, parameters only. */
export const CYPHER_DIR = path.join(REPO_ROOT, 'cypher');

const loaded = new Map<string, string>();

/**
 * Reads `cypher/queries/<name>.cypher` once, at module load of the repository that
 * names it, so a missing file fails when the service starts, never at request time.
 * Throws Error naming the missing path.
 */
export function cypherQuery(name: string): string {
  const cached = loaded.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(CYPHER_DIR, 'queries', `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`missing Cypher file ${path.relative(REPO_ROOT, file)}`);
  const text = stripComments(fs.readFileSync(file, 'utf8'));
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
