/**
 * The curated vocabulary (risks, body regions and systems, personnel roles,
 * settings, indication patterns, CPT anesthesia ranges) lives as YAML data in
 * seeds/vocabulary/. This module loads and validates it.
 *
 * A loaded Vocabulary is immutable in use and meant to be loaded once and
 * shared by every import (it is a few hundred small objects).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { CodeSystem, isWellFormedCode, toPublishedCode } from '../../domain/code-system';
import { normalizeTerm } from './normalize-term';

export { normalizeTerm } from './normalize-term';

/** One concept: its stable key, display name, other spellings, and ICD-10-CM codes. */
export interface VocabEntry {
  /** kebab-case, stable: the identity of the node in the graph. */
  key: string;
  /** Canonical display name, sentence case. */
  name: string;
  /** Other ways pages write it (as written in the YAML; compare with normalizeTerm). */
  synonyms: string[];
  /** ICD-10-CM codes with the dot; [] for kinds that carry none. */
  icd10cm: string[];
}

export interface RegionEntry extends VocabEntry {
  /** Key of the enclosing region, null at the top of the hierarchy. */
  parent: string | null;
}

/**
 * Phrases that link indication text to ICD-10-CM codes. Same shape as an
 * entry: `synonyms` (and `name`) are the phrases looked for in the text.
 */
export type IndicationPattern = VocabEntry;

export interface AnesthesiaRange {
  /** First code of the range, 5 digits. */
  from: string;
  /** Last code of the range, inclusive. */
  to: string;
  /** Key of a body region. */
  region: string;
  name: string;
}

export interface Vocabulary {
  risks: VocabEntry[];
  bodyRegions: RegionEntry[];
  bodySystems: VocabEntry[];
  personnel: VocabEntry[];
  settings: VocabEntry[];
  indications: IndicationPattern[];
  /** Only the ranges that are a body region (the file also lists e.g. "Obstetric" with region null). */
  anesthesiaRanges: AnesthesiaRange[];
}

/** File of each kind, relative to the vocabulary directory. */
export const VOCABULARY_FILES = {
  risks: 'risks.yaml',
  bodyRegions: 'body-regions.yaml',
  bodySystems: 'body-systems.yaml',
  personnel: 'personnel.yaml',
  settings: 'settings.yaml',
  indications: 'indications.yaml',
  anesthesiaRanges: 'cpt-anesthesia-ranges.yaml',
} as const;

const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `<repo>/seeds/vocabulary`, found by walking up from this file so it works
 * both from src/ (ts-jest, tsx) and from dist/src/ (compiled).
 */
export function defaultVocabularyDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const candidate = path.join(dir, 'seeds', 'vocabulary');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(__dirname, '../../../seeds/vocabulary');
}

class VocabularyError extends Error {
  override readonly name = 'VocabularyError';
}

interface EntryRules {
  icd10cm: boolean;
  parent: boolean;
}

/**
 * Loads and validates every vocabulary file in `dir` (default: the repo's
 * seeds/vocabulary).
 *
 * @throws Error naming the file (and the entry, by key or position) when a
 *   file is missing or not YAML, an entry has a missing/ill-typed/unknown
 *   field, a key is not kebab-case or is used twice, a parent region does not
 *   exist or the hierarchy has a cycle, a name or synonym (after
 *   normalizeTerm) belongs to two entries of the same kind, an ICD-10-CM code
 *   is malformed or not written with its dot, or an anesthesia range is
 *   malformed, overlaps another or names an unknown region.
 */
export function loadVocabulary(dir?: string): Vocabulary {
  const root = dir ?? defaultVocabularyDir();
  const risks = loadEntries(root, VOCABULARY_FILES.risks, { icd10cm: true, parent: false });
  const bodyRegions = loadEntries(root, VOCABULARY_FILES.bodyRegions, { icd10cm: false, parent: true }) as RegionEntry[];
  checkHierarchy(VOCABULARY_FILES.bodyRegions, bodyRegions);
  const bodySystems = loadEntries(root, VOCABULARY_FILES.bodySystems, { icd10cm: false, parent: false });
  const personnel = loadEntries(root, VOCABULARY_FILES.personnel, { icd10cm: false, parent: false });
  const settings = loadEntries(root, VOCABULARY_FILES.settings, { icd10cm: false, parent: false });
  const indications = loadEntries(root, VOCABULARY_FILES.indications, { icd10cm: true, parent: false });
  const anesthesiaRanges = loadRanges(root, VOCABULARY_FILES.anesthesiaRanges, new Set(bodyRegions.map((r) => r.key)));
  return { risks, bodyRegions, bodySystems, personnel, settings, indications, anesthesiaRanges };
}

function readYaml(root: string, file: string): Record<string, unknown> {
  const full = path.join(root, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (cause) {
    throw new VocabularyError(`${file}: cannot read ${full}: ${(cause as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (cause) {
    throw new VocabularyError(`${file}: not valid YAML: ${(cause as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new VocabularyError(`${file}: expected a mapping with an "entries" (or "ranges") list at the top`);
  }
  return data as Record<string, unknown>;
}

function stringList(value: unknown, where: string, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new VocabularyError(`${where}: "${field}" must be a list of non-empty strings`);
  }
  return (value as string[]).map((v) => v.trim());
}

function loadEntries(root: string, file: string, rules: EntryRules): VocabEntry[] {
  const data = readYaml(root, file);
  const list = data['entries'];
  if (!Array.isArray(list)) throw new VocabularyError(`${file}: expected an "entries" list`);
  const allowed = new Set(['key', 'name', 'synonyms', ...(rules.icd10cm ? ['icd10cm'] : []), ...(rules.parent ? ['parent'] : [])]);
  const byKey = new Map<string, number>();
  const byTerm = new Map<string, string>();
  return list.map((raw: unknown, index: number) => {
    let where = `${file}: entry #${index + 1}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new VocabularyError(`${where}: expected a mapping with key, name, synonyms`);
    }
    const record = raw as Record<string, unknown>;
    const key = record['key'];
    if (typeof key !== 'string' || !KEY_RE.test(key)) {
      throw new VocabularyError(`${where}: "key" must be kebab-case (a-z, 0-9, single hyphens), got ${JSON.stringify(key)}`);
    }
    where = `${file}: entry "${key}" (#${index + 1})`;
    for (const field of Object.keys(record)) {
      if (!allowed.has(field)) {
        throw new VocabularyError(`${where}: unknown field "${field}" (allowed: ${[...allowed].join(', ')})`);
      }
    }
    const firstIndex = byKey.get(key);
    if (firstIndex !== undefined) throw new VocabularyError(`${where}: key already used by entry #${firstIndex + 1}`);
    byKey.set(key, index);
    const name = record['name'];
    if (typeof name !== 'string' || name.trim() === '' || /^\p{Ll}/u.test(name.trim())) {
      throw new VocabularyError(`${where}: "name" must be a non-empty string in sentence case`);
    }
    const synonyms = stringList(record['synonyms'], where, 'synonyms');
    const icd10cm = stringList(record['icd10cm'], where, 'icd10cm');
    for (const code of icd10cm) {
      if (!isWellFormedCode(CodeSystem.ICD10CM, code) || toPublishedCode(CodeSystem.ICD10CM, code) !== code) {
        throw new VocabularyError(`${where}: ICD-10-CM code "${code}" must be well-formed and written with its dot (e.g. M62.830)`);
      }
    }
    for (const term of [name, ...synonyms]) {
      const normalized = normalizeTerm(term);
      if (normalized === '') throw new VocabularyError(`${where}: synonym "${term}" has no letters or digits`);
      const owner = byTerm.get(normalized);
      if (owner !== undefined && owner !== key) {
        throw new VocabularyError(`${where}: "${term}" (normalised "${normalized}") already belongs to entry "${owner}"`);
      }
      byTerm.set(normalized, key);
    }
    const entry: VocabEntry = { key, name: name.trim(), synonyms, icd10cm };
    if (!rules.parent) return entry;
    const parent = record['parent'];
    if (parent !== undefined && parent !== null && typeof parent !== 'string') {
      throw new VocabularyError(`${where}: "parent" must be a region key or null`);
    }
    return { ...entry, parent: parent ?? null } as RegionEntry;
  });
}

function checkHierarchy(file: string, regions: RegionEntry[]): void {
  const byKey = new Map(regions.map((r) => [r.key, r]));
  for (const region of regions) {
    if (region.parent !== null && !byKey.has(region.parent)) {
      throw new VocabularyError(`${file}: entry "${region.key}": parent "${region.parent}" is not a region key`);
    }
  }
  for (const region of regions) {
    const seen = new Set<string>([region.key]);
    let parent = region.parent;
    while (parent !== null) {
      if (seen.has(parent)) {
        throw new VocabularyError(`${file}: entry "${region.key}": its parents form a cycle (${[...seen, parent].join(' > ')})`);
      }
      seen.add(parent);
      parent = byKey.get(parent)?.parent ?? null;
    }
  }
}

function loadRanges(root: string, file: string, regionKeys: Set<string>): AnesthesiaRange[] {
  const data = readYaml(root, file);
  const list = data['ranges'];
  if (!Array.isArray(list)) throw new VocabularyError(`${file}: expected a "ranges" list`);
  const all = list.map((raw: unknown, index: number) => {
    const where = `${file}: range #${index + 1}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new VocabularyError(`${where}: expected a mapping`);
    const r = raw as Record<string, unknown>;
    const { from, to, region, name } = r;
    for (const field of Object.keys(r)) {
      if (!['from', 'to', 'region', 'name'].includes(field)) throw new VocabularyError(`${where}: unknown field "${field}"`);
    }
    if (typeof from !== 'string' || typeof to !== 'string' || !/^[0-9]{5}$/.test(from) || !/^[0-9]{5}$/.test(to) || from > to) {
      throw new VocabularyError(`${where}: "from" and "to" must be quoted 5-digit codes with from <= to`);
    }
    if (typeof name !== 'string' || name.trim() === '') throw new VocabularyError(`${where} (${from}-${to}): "name" is required`);
    if (region !== null && (typeof region !== 'string' || !regionKeys.has(region))) {
      throw new VocabularyError(`${where} (${from}-${to}): region ${JSON.stringify(region)} is not a body-region key (or null)`);
    }
    return { from, to, region: region as string | null, name: name.trim() };
  });
  const sorted = [...all].sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((range, i) => {
    const previous = sorted[i - 1];
    if (previous && range.from <= previous.to) {
      throw new VocabularyError(`${file}: range ${range.from}-${range.to} overlaps ${previous.from}-${previous.to}`);
    }
  });
  return all.filter((r): r is AnesthesiaRange => r.region !== null);
}
