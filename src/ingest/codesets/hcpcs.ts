/**
 * HCPCS Level II alpha-numeric file (CMS, fixed width, 320 characters per
 * record; layout in data/hcpcs/HCPC20xx_recordlayout.txt and PROVENANCE.md).
 *
 * A record is one first line (RECID 3 procedure, 7 modifier) followed by
 * continuation lines (4, 8) that carry the rest of the long description,
 * 80 characters per line, broken at word boundaries: parts are joined with
 * one space.
 *
 * Hierarchy: letter section (`A`) > range (`A0021-A0999`, where listed in
 * `seeds/codesets/hcpcs-sections.yaml`) > code; modifiers sit under one
 * synthetic `MODIFIERS` row.
 *
 * `billable`: true for every procedure code (the file has no header
 * records; whether a code can still be used is `active`), false for
 * modifiers, which are never billed alone. `active`: false when a
 * termination date is set (CMS keeps terminated codes as history).
 */
import { readFileSync } from 'fs';
import { parse as parseYaml } from 'yaml';

import { CodeSystem, toCodeKey } from '../../domain/code-system';
import { CodesetFormatError, problemReporter, type CodeLevel, type CodeRow, type ParseOptions } from './codeset.types';
import { readLines } from './read-lines';
import { codesetSeedPath } from './seed-files';

export const HCPCS_SECTIONS_SEED = 'hcpcs-sections.yaml';
export const HCPCS_RECORD_LENGTH = 320;

export interface HcpcsRange {
  /** `A0021-A0999`, also the row's code. */
  codeKey: string;
  first: string;
  last: string;
  title: string;
}

export interface HcpcsSection {
  letter: string;
  title: string;
  /** Ranges inside the letter, in seed order. */
  ranges: readonly HcpcsRange[];
}

/** The grouping rows of HCPCS, read once from the seed and shared by every parse. */
export interface HcpcsSections {
  modifiers: { codeKey: string; title: string };
  /** By letter. */
  sections: ReadonlyMap<string, HcpcsSection>;
}

export interface HcpcsParseOptions extends ParseOptions {
  /** Letter sections and ranges; read from `seeds/codesets/hcpcs-sections.yaml` when absent. */
  sections?: HcpcsSections;
}

const PROCEDURE_CODE = /^[A-V][0-9]{4}$/;
// Modifiers: two characters right-justified in columns 4-5 after three blanks.
const MODIFIER_FIELD = /^ {3}[A-Z0-9]{2}$/;
const RANGE = /^([A-V][0-9]{4})-([A-V][0-9]{4})$/;

/**
 * Reads the HCPCS sections seed. `path` defaults to the project's seed.
 * Throws `CodesetFormatError` when the YAML lacks `modifiers {code,title}` or
 * `sections [{letter,title,ranges?}]`, when a range is malformed, outside its
 * letter, or listed twice; the fs error when the file is unreadable.
 */
export function loadHcpcsSections(path: string = codesetSeedPath(HCPCS_SECTIONS_SEED)): HcpcsSections {
  const doc = (parseYaml(readFileSync(path, 'utf8')) ?? {}) as { modifiers?: unknown; sections?: unknown };
  const bad = (message: string): never => {
    throw new CodesetFormatError(path, 0, message);
  };
  const modifiers = (doc.modifiers ?? {}) as { code?: unknown; title?: unknown };
  if (typeof modifiers.code !== 'string' || typeof modifiers.title !== 'string') bad('expected `modifiers: {code, title}`');
  if (!Array.isArray(doc.sections)) bad('expected a top-level list `sections`');

  const sections = new Map<string, HcpcsSection>();
  const keys = new Set<string>([modifiers.code as string]);
  for (const entry of doc.sections as unknown[]) {
    const { letter, title, ranges } = (entry ?? {}) as { letter?: unknown; title?: unknown; ranges?: unknown };
    if (typeof letter !== 'string' || !/^[A-Z]$/.test(letter) || typeof title !== 'string') {
      bad(`expected each section as {letter: one capital letter, title: text, ranges?: list}, got ${JSON.stringify(entry)}`);
    }
    const l = letter as string;
    if (keys.has(l)) bad(`section ${l} is listed twice`);
    keys.add(l);
    const parsedRanges: HcpcsRange[] = [];
    for (const r of (ranges ?? []) as unknown[]) {
      const { range, title: rangeTitle } = (r ?? {}) as { range?: unknown; title?: unknown };
      const m = typeof range === 'string' ? RANGE.exec(range) : null;
      if (!m || typeof rangeTitle !== 'string') bad(`expected each range as {range: X0000-X9999, title: text}, got ${JSON.stringify(r)}`);
      const [, first, last] = m as RegExpExecArray as unknown as [string, string, string];
      if (first[0] !== l || last[0] !== l || first > last) bad(`expected range ${range as string} inside letter ${l}, first <= last`);
      if (keys.has(range as string)) bad(`range ${range as string} is listed twice`);
      keys.add(range as string);
      parsedRanges.push({ codeKey: range as string, first, last, title: (rangeTitle as string).trim() });
    }
    sections.set(l, { letter: l, title: (title as string).trim(), ranges: parsedRanges });
  }
  return { modifiers: { codeKey: modifiers.code as string, title: (modifiers.title as string).trim() }, sections };
}

/**
 * Parent chain of a procedure code below its letter: the ranges containing
 * it, outermost first (nested ranges are allowed; the innermost is the parent).
 */
function rangesContaining(section: HcpcsSection, key: string): HcpcsRange[] {
  return section.ranges.filter((r) => r.first <= key && key <= r.last).sort((a, b) => (a.first < b.first || (a.first === b.first && a.last > b.last) ? -1 : 1));
}

interface PendingRecord {
  kind: 'procedure' | 'modifier';
  /** The 5-character code field as written (continuations must repeat it). */
  field: string;
  key: string;
  line: number;
  head: string;
  description: string[];
}

/**
 * Streams the rows of a HCPCS alpha-numeric file (plain or gzip) in file
 * order: the `MODIFIERS` row before the first modifier, each letter section
 * and range row before its first code. A row is yielded once its
 * continuation lines are read (`line` is the first line's). Dates are ISO
 * `yyyy-mm-dd` or null when blank; `actionCode` null when blank.
 *
 * Skipped lines, reported per `ParseOptions` (strict by default):
 * - a record that is not 320 characters long;
 * - an unknown RECID (column 11 must be 3, 4, 7 or 8);
 * - a code not shaped like a Level II code (letter A-V + 4 digits; modifier:
 *   3 blanks + 2 letters/digits), or listed twice;
 * - a procedure code whose letter has no section in the seed;
 * - a date field that is neither blank nor a valid YYYYMMDD;
 * - a continuation line without a preceding first line of the same code;
 * - an empty line that is not at the end (the file ends with one: fine).
 * Continuation lines of a skipped first line are dropped with it, unreported,
 * so one bad record gives one problem. Rejects with `CodesetFormatError` in
 * strict mode, with the fs/zlib error when the file cannot be read, and
 * throws like `loadHcpcsSections` when the default seed is needed and bad.
 */
export async function* parseHcpcsFile(path: string, options?: HcpcsParseOptions): AsyncGenerator<CodeRow> {
  const report = problemReporter(path, options);
  const seed = options?.sections ?? loadHcpcsSections();
  const seen = new Map<string, number>();
  const emittedGroups = new Set<string>();
  let pending: PendingRecord | null = null;
  // Code field of a rejected first line: its continuation lines go with it.
  let rejectedField: string | null = null;
  let blankLines: number[] = [];
  let seq = 0;

  // Turns the pending record into rows (its missing ancestors first); may report and drop it.
  function* flush(): Generator<CodeRow> {
    const record = pending;
    pending = null;
    if (record === null) return;
    const rows = toRows(record);
    if (typeof rows === 'string') {
      report(record.line, rows);
      return;
    }
    seen.set(record.key, record.line);
    for (const row of rows) yield { ...row, seq: seq++ };
  }

  function toRows(record: PendingRecord): Omit<CodeRow, 'seq'>[] | string {
    const head = record.head;
    const dates: Record<'added' | 'actionEffective' | 'termination', string | null> = { added: null, actionEffective: null, termination: null };
    for (const [name, from, column] of [
      ['added', 268, 269],
      ['actionEffective', 276, 277],
      ['termination', 284, 285],
    ] as const) {
      const raw = head.slice(from, from + 8);
      const iso = isoDate(raw);
      if (iso === undefined) return `expected a date YYYYMMDD or blanks in columns ${column}-${column + 7}, got '${raw}'`;
      dates[name] = iso;
    }
    const rows: Omit<CodeRow, 'seq'>[] = [];
    let parentKey: string;
    if (record.kind === 'modifier') {
      parentKey = seed.modifiers.codeKey;
      if (!emittedGroups.has(parentKey)) rows.push(groupRow(parentKey, seed.modifiers.title, 'section', null));
    } else {
      const section = seed.sections.get(record.key[0] as string);
      if (!section) {
        return `expected a code of a known HCPCS Level II section (${[...seed.sections.keys()].join(' ')}), got '${record.key}'`;
      }
      if (!emittedGroups.has(section.letter)) rows.push(groupRow(section.letter, section.title, 'section', null));
      parentKey = section.letter;
      for (const range of rangesContaining(section, record.key)) {
        if (!emittedGroups.has(range.codeKey)) rows.push(groupRow(range.codeKey, range.title, 'range', parentKey));
        parentKey = range.codeKey;
      }
    }
    for (const row of rows) emittedGroups.add(row.codeKey);

    const shortTitle = head.slice(91, 119).trim();
    const actionCode = head.slice(292, 293).trim();
    rows.push({
      system: CodeSystem.HCPCS,
      code: record.key,
      codeKey: record.key,
      title: record.description
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join(' '),
      shortTitle: shortTitle === '' ? null : shortTitle,
      billable: record.kind === 'procedure',
      active: dates.termination === null,
      level: record.kind === 'modifier' ? 'modifier' : 'code',
      parentKey,
      addedDate: dates.added,
      actionEffectiveDate: dates.actionEffective,
      terminationDate: dates.termination,
      actionCode: actionCode === '' ? null : actionCode,
      line: record.line,
    });
    return rows;
  }

  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') {
      blankLines.push(line);
      continue;
    }
    for (const blank of blankLines) report(blank, `expected a ${HCPCS_RECORD_LENGTH}-character record, got an empty line`);
    blankLines = [];

    if (text.length !== HCPCS_RECORD_LENGTH) {
      report(line, `expected a ${HCPCS_RECORD_LENGTH}-character record, got ${text.length} characters`);
      continue;
    }
    const recid = text[10];
    const field = text.slice(0, 5);
    if (recid === '4' || recid === '8') {
      const kind = recid === '4' ? 'procedure' : 'modifier';
      if (pending !== null && pending.field === field && pending.kind === kind) {
        pending.description.push(text.slice(11, 91));
      } else if (field !== rejectedField) {
        report(line, `expected a continuation line (RECID ${recid}) right after the first line (RECID ${recid === '4' ? 3 : 7}) ` + `or continuations of code '${field.trim()}'`);
      }
      continue;
    }
    if (recid !== '3' && recid !== '7') {
      report(line, `expected record id 3, 4, 7 or 8 in column 11, got '${recid}'`);
      continue;
    }

    yield* flush();
    rejectedField = null;
    const kind = recid === '3' ? 'procedure' : 'modifier';
    const shapeOk = kind === 'procedure' ? PROCEDURE_CODE.test(field) : MODIFIER_FIELD.test(field);
    if (!shapeOk) {
      rejectedField = field;
      report(
        line,
        kind === 'procedure'
          ? `expected a HCPCS Level II code (letter A-V and 4 digits) in columns 1-5, got '${field}'`
          : `expected a modifier (3 blanks and 2 letters or digits) in columns 1-5, got '${field}'`,
      );
      continue;
    }
    const key = toCodeKey(field);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      rejectedField = field;
      report(line, `expected each code once; ${key} is already on line ${firstLine}`);
      continue;
    }
    pending = { kind, field, key, line, head: text, description: [text.slice(11, 91)] };
  }
  yield* flush();
}

/** `YYYYMMDD` -> `YYYY-MM-DD`; null for blanks; undefined when not a real date. */
function isoDate(raw: string): string | null | undefined {
  if (raw.trim() === '') return null;
  if (!/^\d{8}$/.test(raw)) return undefined;
  const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

function groupRow(key: string, title: string, level: CodeLevel, parentKey: string | null): Omit<CodeRow, 'seq'> {
  return { system: CodeSystem.HCPCS, code: key, codeKey: key, title, shortTitle: null, billable: false, active: true, level, parentKey };
}
