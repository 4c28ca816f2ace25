/**
 * ICD-10-PCS: the order file holds 3-character table headers (section, body
 * system, root operation) and 7-character codes. This module adds the two
 * upper axes as rows: section (1 char, titled from
 * `seeds/codesets/icd10pcs-sections.yaml`) and body system (2 chars).
 *
 * Hierarchy: section > body system > table > code.
 *
 * Body-system titles: the text of the body system's first table header
 * before its last comma ("Central Nervous System and Cranial Nerves, Bypass"
 * -> "Central Nervous System and Cranial Nerves"). Outside section 0 the
 * headers start with the section name ("Imaging, Central Nervous System,
 * Fluoroscopy"), and that is kept: it makes the titles unique across
 * sections (B0 "Imaging, Central Nervous System" vs C0 "Nuclear Medicine,
 * Central Nervous System"). The first table decides: X0Z's header
 * ("New Technology, Nervous System") has no operation part, so a later
 * table would give a shorter, wrong title; every other table of a body
 * system begins with the title its first table gives (checked by the full test).
 */
import { readFileSync } from 'fs';
import { parse as parseYaml } from 'yaml';

import { CodeSystem, isWellFormedCode, toCodeKey } from '../../domain/code-system';
import { CodesetFormatError, problemReporter, type CodeLevel, type CodeRow, type ParseOptions } from './codeset.types';
import { readOrderRecords } from './order-file';
import { codesetSeedPath } from './seed-files';

export const ICD10PCS_SECTIONS_SEED = 'icd10pcs-sections.yaml';

export interface Icd10pcsParseOptions extends ParseOptions {
  /** Section character -> title; read from `seeds/codesets/icd10pcs-sections.yaml` when absent. */
  sectionTitles?: ReadonlyMap<string, string>;
}

// Characters of PCS codes: digits and letters except I and O.
const TABLE_SHAPE = /^[0-9A-HJ-NP-Z]{3}$/;

/**
 * Reads the section titles (`sections: [{code, title}]`). `path` defaults to
 * the project's seed file. Throws `CodesetFormatError` when the YAML does not
 * have that shape or repeats a section, and the fs error when it is unreadable.
 */
export function loadIcd10pcsSectionTitles(path: string = codesetSeedPath(ICD10PCS_SECTIONS_SEED)): Map<string, string> {
  const doc: unknown = parseYaml(readFileSync(path, 'utf8'));
  const sections = (doc as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) throw new CodesetFormatError(path, 0, 'expected a top-level list `sections`');
  const titles = new Map<string, string>();
  for (const entry of sections as unknown[]) {
    const { code, title } = (entry ?? {}) as { code?: unknown; title?: unknown };
    if (typeof code !== 'string' || !/^[0-9A-HJ-NP-Z]$/.test(code) || typeof title !== 'string' || title.trim() === '') {
      throw new CodesetFormatError(path, 0, `expected each section as {code: one PCS character (quoted), title: text}, got ${JSON.stringify(entry)}`);
    }
    if (titles.has(code)) throw new CodesetFormatError(path, 0, `section ${code} is listed twice`);
    titles.set(code, title.trim());
  }
  return titles;
}

/**
 * Streams the rows of an ICD-10-PCS order file (plain or gzip) in file
 * order, with section and body-system rows inserted before their first
 * table. Parents: code -> table (its first 3 characters), table -> body
 * system (2), body system -> section (1), section -> null.
 *
 * Skipped lines, reported per `ParseOptions` (strict by default): a line not
 * in the order-file layout, a header that is not a 3-character table or a
 * valid code that is not a 7-character PCS code, a code listed twice, a
 * table whose section is not in the titles, a code whose table is not on an
 * earlier line, an empty line that is not at the end. Rejects with
 * `CodesetFormatError` in strict mode, with the fs/zlib error when the file
 * cannot be read, and throws like `loadIcd10pcsSectionTitles` when the
 * default seed is needed and bad.
 */
export async function* parseIcd10pcsOrderFile(path: string, options?: Icd10pcsParseOptions): AsyncGenerator<CodeRow> {
  const report = problemReporter(path, options);
  const sectionTitles = options?.sectionTitles ?? loadIcd10pcsSectionTitles();
  // Keys of tables and codes yielded so far (line for duplicate messages).
  const seen = new Map<string, number>();
  const emittedGroups = new Set<string>();
  let seq = 0;

  for await (const { record, line } of readOrderRecords(path, report)) {
    const key = toCodeKey(record.code);
    if (record.valid ? !isWellFormedCode(CodeSystem.ICD10PCS, key) : !TABLE_SHAPE.test(key)) {
      report(
        line,
        record.valid
          ? `expected a 7-character ICD-10-PCS code (digits and letters except I and O) with flag 1, got '${key}'`
          : `expected a 3-character ICD-10-PCS table header with flag 0, got '${key}'`,
      );
      continue;
    }
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      report(line, `expected each code once; ${key} is already on line ${firstLine}`);
      continue;
    }

    let parentKey: string;
    let level: CodeLevel;
    if (record.valid) {
      parentKey = key.slice(0, 3);
      level = 'code';
      if (!seen.has(parentKey)) {
        report(line, `expected its table ${parentKey} on an earlier line`);
        continue;
      }
    } else {
      const sectionKey = key.slice(0, 1);
      const sectionTitle = sectionTitles.get(sectionKey);
      if (sectionTitle === undefined) {
        report(line, `expected a table of a known ICD-10-PCS section (${[...sectionTitles.keys()].join(' ')}), got section '${sectionKey}'`);
        continue;
      }
      parentKey = key.slice(0, 2);
      level = 'table';
      if (!emittedGroups.has(sectionKey)) {
        emittedGroups.add(sectionKey);
        yield { ...groupRow(sectionKey, sectionTitle, 'section', null), seq: seq++ };
      }
      if (!emittedGroups.has(parentKey)) {
        emittedGroups.add(parentKey);
        yield { ...groupRow(parentKey, bodySystemTitle(record.title), 'body-system', sectionKey), seq: seq++ };
      }
    }

    seen.set(key, line);
    yield {
      system: CodeSystem.ICD10PCS,
      code: key,
      codeKey: key,
      title: record.title,
      shortTitle: record.shortTitle === '' ? null : record.shortTitle,
      billable: record.valid,
      active: true,
      level,
      parentKey,
      seq: seq++,
      line,
    };
  }
}

/** The table header before its last comma: the body-system part (with the section name outside section 0). */
export function bodySystemTitle(tableTitle: string): string {
  const comma = tableTitle.lastIndexOf(',');
  return comma > 0 ? tableTitle.slice(0, comma).trim() : tableTitle.trim();
}

function groupRow(key: string, title: string, level: CodeLevel, parentKey: string | null): Omit<CodeRow, 'seq'> {
  return { system: CodeSystem.ICD10PCS, code: key, codeKey: key, title, shortTitle: null, billable: false, active: true, level, parentKey };
}
