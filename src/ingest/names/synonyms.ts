/**
 * The curated synonym file (seeds/search/synonyms.tsv, written for this project): lay
 * words, abbreviations and spellings mapped to the clinical words the official names
 * use. Read strictly: any line that is not `term<TAB>expansion<TAB>kind<TAB>reason`
 * is an error naming the line, because a wrong synonym silently changes every search
 * that uses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { NamesFormatError } from './names.types';

export const SYNONYM_KINDS = ['lay', 'abbreviation', 'spelling'] as const;
export type SynonymKind = (typeof SYNONYM_KINDS)[number];

export interface Synonym {
  term: string;
  expansion: string;
  kind: SynonymKind;
  reason: string;
  line: number;
}

export const SHIPPED_SYNONYMS_FILE = path.join(REPO_ROOT, 'seeds', 'search', 'synonyms.tsv');

/**
 * Parses synonym TSV text. `#` comments and blank lines are skipped. Throws
 * NamesFormatError (file:line: what was expected) at the first bad line: wrong column
 * count, empty field, a term not in lower case, an unknown kind, a duplicate pair, or
 * a term that expands to itself.
 */
export function parseSynonyms(text: string, file = 'synonyms.tsv'): Synonym[] {
  const out: Synonym[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const cols = raw.split('\t');
      if (cols.length !== 4) throw new NamesFormatError(file, line, `expected 4 tab-separated columns (term, expansion, kind, reason), got ${cols.length}`);
      const [term, expansion, kind, reason] = cols.map((c) => c.trim()) as [string, string, string, string];
      if (!term) throw new NamesFormatError(file, line, 'expected a term in column 1');
      if (!expansion) throw new NamesFormatError(file, line, 'expected an expansion in column 2');
      if (!reason) throw new NamesFormatError(file, line, 'expected a reason in column 4');
      if (term !== term.toLowerCase()) throw new NamesFormatError(file, line, `expected the term in lower case, got '${term}'`);
      if (!(SYNONYM_KINDS as readonly string[]).includes(kind)) throw new NamesFormatError(file, line, `expected kind lay, abbreviation or spelling, got '${kind}'`);
      if (term === expansion.toLowerCase()) throw new NamesFormatError(file, line, `the term '${term}' expands to itself`);
      const pair = `${term}\t${expansion.toLowerCase()}`;
      if (seen.has(pair)) throw new NamesFormatError(file, line, `duplicate synonym '${term}' -> '${expansion}'`);
      seen.add(pair);
      out.push({ term, expansion, kind: kind as SynonymKind, reason, line });
    });
  return out;
}

/** Reads the synonym file; a missing file gives no synonyms (search still works on official names). Throws NamesFormatError for a bad line. */
export function loadSynonyms(file = SHIPPED_SYNONYMS_FILE): Synonym[] {
  if (!fs.existsSync(file)) return [];
  return parseSynonyms(fs.readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file));
}
