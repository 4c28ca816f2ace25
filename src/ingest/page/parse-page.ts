/**
 * Reads the text of one code page (format: docs/DOMAIN.md, reference page
 * seed-pages/cpt-00300.txt) into a `ParsedPage`.
 *
 * Shape of a page: optional front matter (`---`, `key: value` lines, `---`),
 * optional banner `Search all medical codes`, the title line (required), an
 * optional kind line (`CPT4 code`, `HCPCS code 00300`, `Code: 00300`), then
 * sections each started by a known heading alone on its line (see
 * page-sections.ts). Inside a section: bullets (`•`, `-`, `*`, `–`), numbered
 * items (`1.`, `1)`), and prose paragraphs; a line directly under a bullet
 * (no blank line between) continues it.
 *
 * Tolerated with a warning: missing/empty/reordered sections, unknown text
 * before the first section, empty bullets, prose mixed into a list, risk
 * bullets without a Common:/Rare: label (kept as RARE: the page gives no
 * evidence they are common, and over-stating frequency is the worse error),
 * a file name that disagrees with what the page states.
 *
 * Errors (PageParseError, never anything else): empty page, over 1,000,000
 * characters, unterminated or malformed front matter, no title, no known
 * section, a section heading used twice, no code from any source, a code
 * that does not fit its system, and a system/code that the page and its
 * front matter, or the page and the caller, disagree on.
 *
 * Where the code comes from, strongest first: the kind line, front matter,
 * the file name (`cpt-00300.txt`, `hcpcs-J1100.txt`, `icd10cm-M62.830.txt`,
 * `icd-10-pcs-3E0T3BZ.txt`), the caller's options. System and code are
 * resolved separately, so `CPT4 code` on the page plus `cpt-00300.txt` gives
 * CPT 00300 with codeSource 'file-name' (codeSource names where the code
 * itself came from).
 */
import { CodeSystem, isWellFormedCode, parseCodeSystemName, toCodeKey, toPublishedCode } from '../../domain/code-system';
import { PageParseError } from './page-parse-error';
import { POLICIES_SUBHEADING, SECTIONS, SECTION_IDS, SectionId, headingSection, normalizeHeading } from './page-sections';
import { SectionFields, SectionItem } from './section-parsers';
import { collapseSpace, fixWindows1252Controls, stripQuotes } from './page-text';
import type { CodeSource, ParsedPage } from './page.types';

/** What the caller knows about the page; all optional. */
export interface ParseCodePageOptions {
  /** File name or path, used in errors and as a source of system and code. */
  fileName?: string;
  system?: CodeSystem;
  code?: string;
}

/** Pages longer than this are refused: no real page comes close, and it bounds the work. */
export const MAX_PAGE_CHARS = 1_000_000;

const BANNER = 'search all medical codes';
/** Kind lines are short; longer lines are never tested against the kind patterns. */
const MAX_KIND_LINE_CHARS = 80;

// "CPT4 code", "CPT® code", "HCPCS Level II Code: J1100", "ICD-10-PCS code 3E0T3BZ",
// "CPT4 code:" (a trailing colon with nothing after it is tolerated).
const KIND_RE = /^(cpt(?: ?[®™])?(?: ?-?(?:4|iv)(?![0-9a-z]))?|hcpcs(?: level (?:ii|2)| ii)?|icd ?-?10 ?-?cm|icd ?-?10 ?-?pcs)[®™]?(?: code)?(?: ?[:#]? ?([a-z0-9][a-z0-9.]{0,11}))? ?:?$/i;
const CODE_ONLY_RE = /^code ?[:#]? ?([a-z0-9][a-z0-9.]{0,11})$/i;
const FILE_NAME_RE = /^(cpt-?4|cpt|hcpcs|icd-?10-?cm|icd-?10-?pcs)[-_ ]([a-z0-9][a-z0-9.]{0,11}?)(?:\.(?:txt|text|md))?$/i;
const FRONT_MATTER_LINE_RE = /^([A-Za-z][\w-]*) ?: ?(.*)$/;
const DOT_BULLET_RE = /^[•·▪◦‣●] ?(.*)$/;
const DASH_BULLET_RE = /^[-*–](?: (.*))?$/;
const NUMBERED_RE = /^(\d{1,3})[.)](?: (.*))?$/;

/** A section as found on the page, before its parser reads it. */
interface Section {
  id: SectionId;
  /** 1-based line of the heading. */
  line: number;
  items: SectionItem[];
}

interface Claim<T> {
  source: CodeSource;
  value: T;
  /** 1-based line of the statement; 1 for the file name and the caller. */
  line: number;
}

interface Stated {
  system: CodeSystem | null;
  code: string | null;
}

/** The system and/or code a kind line states, or null when the line is not a kind line. */
function parseKindLine(line: string): Stated | null {
  if (line.length > MAX_KIND_LINE_CHARS) return null;
  const kind = KIND_RE.exec(line);
  if (kind) {
    const code = kind[2] ?? null;
    if (code !== null && !/[0-9]/.test(code)) return null;
    return { system: parseCodeSystemName(kind[1] ?? ''), code: code === null ? null : trimDot(code) };
  }
  const codeOnly = CODE_ONLY_RE.exec(line);
  if (codeOnly && /[0-9]/.test(codeOnly[1] ?? '')) return { system: null, code: trimDot(codeOnly[1] ?? '') };
  return null;
}

function trimDot(code: string): string {
  return code.endsWith('.') ? code.slice(0, -1) : code;
}

/** System and code from a file name such as `cpt-00300.txt`; nulls when it has neither. */
function parseFileName(fileName: string | null): Stated {
  if (fileName === null) return { system: null, code: null };
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = base.length <= 64 ? FILE_NAME_RE.exec(base) : null;
  if (!m || !/[0-9]/.test(m[2] ?? '')) return { system: null, code: null };
  return { system: parseCodeSystemName(m[1] ?? ''), code: m[2] ?? null };
}

const SOURCE_WORDS: Record<CodeSource, string> = {
  page: 'the kind line',
  'front-matter': 'the front matter',
  'file-name': 'the file name',
  caller: 'the caller',
};

/** The lines of one page and the error and warning sinks; one per `parseCodePage` call. */
interface PageReader {
  lines: string[];
  /** The line at 0-based index k, '' past the end. */
  at: (k: number) => string;
  /** The first non-blank index at or after `from`, `lines.length` when there is none. */
  nextNonBlank: (from: number) => number;
  fail: (line: number, expected: string) => never;
  warn: (line: number, message: string) => void;
  warnings: string[];
}

type FrontMatter = { system?: Claim<CodeSystem>; code?: Claim<string>; title?: Claim<string> };

/** The page up to its first section: what front matter, title and kind line say. */
interface PageHead {
  fm: FrontMatter;
  title: string;
  kind: string | null;
  kindClaim: { stated: Stated; line: number } | null;
  /** 0-based index of the first line after the head. */
  bodyStart: number;
}

/**
 * Parses one code page.
 *
 * Returns a ParsedPage; fields the page lacks are null or empty arrays
 * (`fullName`, `commonName`, `summary`, `purpose`, `duration`, `settingText`,
 * `riskManagement`, `patientExperience`, `kind` may be null). Tolerated
 * oddities are listed in `warnings`, each starting `line N: `.
 *
 * @throws PageParseError (file, 1-based line, expected) when the page cannot
 *   be read; see the module comment for the cases. Throws nothing else for
 *   any string input.
 */
export function parseCodePage(text: string, opts?: ParseCodePageOptions): ParsedPage {
  const file = typeof opts?.fileName === 'string' && opts.fileName.length > 0 ? opts.fileName : null;
  const page = readPage(text, file);
  const head = readHead(page);
  const sections = splitSections(page, head.bodyStart);
  const { system, code, codeSource } = resolveCode({
    kindClaim: head.kindClaim,
    fm: head.fm,
    fromFile: parseFileName(file),
    opts: opts ?? {},
    fail: page.fail,
    warn: page.warn,
  });
  return { system, code, codeSource, title: head.title, kind: head.kind, ...parseSections(sections, page.warn), warnings: page.warnings };
}

/** Checks the input and splits it into collapsed lines; fails on a non-string, oversized or empty page. */
function readPage(text: string, file: string | null): PageReader {
  const fail = (line: number, expected: string): never => {
    throw new PageParseError(file, Math.max(1, line), expected);
  };
  const warnings: string[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push(`line ${line}: ${message}`);
  };
  if (typeof text !== 'string') return fail(1, 'the text of a code page');
  if (text.length > MAX_PAGE_CHARS) return fail(1, `a page of at most 1,000,000 characters, got ${text.length}`);
  const lines = fixWindows1252Controls(text)
    .split(/\r\n|\r|\n/)
    .map(collapseSpace);
  const nextNonBlank = (from: number): number => {
    let k = from;
    while (k < lines.length && lines[k] === '') k += 1;
    return k;
  };
  const at = (k: number): string => lines[k] ?? '';
  if (nextNonBlank(0) >= lines.length) return fail(1, 'a code page, got an empty page');
  return { lines, at, nextNonBlank, fail, warn, warnings };
}

/** Front matter, banner, title and kind line, in that order; fails when there is no title. */
function readHead(page: PageReader): PageHead {
  const { lines, at, nextNonBlank, fail, warn } = page;
  let k = nextNonBlank(0);
  const hadFrontMatter = at(k) === '---';
  let fm: FrontMatter = {};
  if (hadFrontMatter) {
    const read = readFrontMatter(page, k);
    fm = read.fm;
    k = nextNonBlank(read.close + 1);
  }

  let hadBanner = false;
  if (k < lines.length && normalizeHeading(at(k)) === BANNER) {
    hadBanner = true;
    k = nextNonBlank(k + 1);
  }
  let title: string;
  let titleLine: number | null = null;
  if (k < lines.length && headingSection(at(k)) === null && parseKindLine(at(k)) === null) {
    title = at(k);
    titleLine = k + 1;
    k = nextNonBlank(k + 1);
  } else if (fm.title !== undefined) {
    title = fm.title.value;
  } else {
    const where = hadBanner ? 'the page title after the banner "Search all medical codes"' : hadFrontMatter ? 'the page title after the front matter' : 'the page title on the first line';
    return fail(k < lines.length ? k + 1 : lines.length, where);
  }
  if (titleLine !== null && fm.title !== undefined && fm.title.value !== title) {
    warn(titleLine, `title differs from the front-matter title on line ${fm.title.line}; the page's title is used`);
  }

  let kind: string | null = null;
  let kindClaim: { stated: Stated; line: number } | null = null;
  if (k < lines.length) {
    const stated = parseKindLine(at(k));
    if (stated !== null) {
      kind = at(k);
      kindClaim = { stated, line: k + 1 };
      k += 1;
    }
  }
  return { fm, title, kind, kindClaim, bodyStart: k };
}

/**
 * The front matter that opens at index `open` (a `---` line) and the index of
 * its closing line; fails when it is unterminated, malformed or repeats a key.
 */
function readFrontMatter(page: PageReader, open: number): { fm: FrontMatter; close: number } {
  const { lines, at, fail, warn } = page;
  const fm: FrontMatter = {};
  let close = open + 1;
  while (close < lines.length && at(close) !== '---' && at(close) !== '...') close += 1;
  if (close >= lines.length) return fail(open + 1, 'a closing "---" for the front matter that starts here');
  const seenKeys = new Map<string, number>();
  for (let k = open + 1; k < close; k += 1) {
    const line = at(k);
    const n = k + 1;
    if (line === '' || line.startsWith('#')) continue;
    const m = FRONT_MATTER_LINE_RE.exec(line);
    if (!m) return fail(n, 'a "key: value" line in the front matter');
    const key = (m[1] ?? '').toLowerCase();
    const value = stripQuotes(m[2] ?? '');
    const first = seenKeys.get(key);
    if (first !== undefined) return fail(n, `front-matter key "${key}" once (it is already on line ${first})`);
    seenKeys.set(key, n);
    if (value === '') {
      warn(n, `front-matter key "${key}" has no value and was ignored`);
      continue;
    }
    if (key === 'system') {
      const system = parseCodeSystemName(value);
      if (system === null) {
        return fail(n, `a code system (CPT, HCPCS, ICD-10-CM or ICD-10-PCS) for front-matter "system", got "${value}"`);
      }
      fm.system = { source: 'front-matter', value: system, line: n };
    } else if (key === 'code') {
      fm.code = { source: 'front-matter', value: value, line: n };
    } else if (key === 'title') {
      fm.title = { source: 'front-matter', value: collapseSpace(value), line: n };
    } else {
      warn(n, `unknown front-matter key "${key}" was ignored`);
    }
  }
  return { fm, close };
}

/**
 * Cuts the body (from index `bodyStart`) into sections at known headings and
 * each section into items; fails on a repeated heading or when no section is
 * found (checkSections), and warns about ignored text and empty sections.
 */
function splitSections(page: PageReader, bodyStart: number): Map<SectionId, Section> {
  const { lines, at, fail, warn } = page;
  const sections = new Map<SectionId, Section>();
  let current: Section | null = null;
  let open: SectionItem | null = null;
  for (let j = bodyStart; j < lines.length; j += 1) {
    const line = at(j);
    const n = j + 1;
    if (line === '') {
      open = null;
      continue;
    }
    const id = headingSection(line);
    if (id !== null) {
      open = null;
      // "Related policies from health plans" introduces the policy list.
      if (id === 'policies' && sections.has('policies') && normalizeHeading(line) === POLICIES_SUBHEADING) continue;
      const first = sections.get(id);
      if (first !== undefined) {
        return fail(n, `no second "${SECTIONS[id].label}" section (the first starts on line ${first.line})`);
      }
      current = { id, line: n, items: [] };
      sections.set(id, current);
      continue;
    }
    if (current === null) {
      warn(n, 'text before the first section was ignored');
      continue;
    }
    const marker = listMarker(line);
    if (marker !== null) {
      if (marker.text === '') {
        warn(n, `${marker.kind === 'numbered' ? 'numbered item' : 'bullet'} under ${SECTIONS[current.id].label} was empty`);
        open = null;
        continue;
      }
      open = { ...marker, line: n };
      current.items.push(open);
      continue;
    }
    if (open !== null) {
      open.text += ` ${line}`;
      continue;
    }
    open = { kind: 'para', text: line, line: n, number: null };
    current.items.push(open);
  }
  checkSections(page, sections, bodyStart);
  return sections;
}

/** Fails when the body has no known section; warns about sections with nothing under them. */
function checkSections(page: PageReader, sections: ReadonlyMap<SectionId, Section>, bodyStart: number): void {
  const { lines, nextNonBlank, fail, warn } = page;
  if (sections.size === 0) {
    fail(
      // The first non-blank line after the title, or the last line when only blanks follow.
      Math.min(nextNonBlank(bodyStart), lines.length - 1) + 1,
      'at least one known section heading, such as "Summary" or "Risks and Complications"',
    );
  }
  for (const section of sections.values()) {
    if (section.items.length === 0 && SECTIONS[section.id].warnWhenEmpty) {
      warn(section.line, `section "${SECTIONS[section.id].label}" is empty`);
    }
  }
}

/** The bullet or numbered item a line starts (its text may be empty), or null for a prose line. */
function listMarker(line: string): Omit<SectionItem, 'line'> | null {
  const dot = DOT_BULLET_RE.exec(line);
  const dash = dot ? null : DASH_BULLET_RE.exec(line);
  const numbered = dot || dash ? null : NUMBERED_RE.exec(line);
  if (!dot && !dash && !numbered) return null;
  return {
    kind: numbered ? 'numbered' : 'bullet',
    text: ((dot ?? dash)?.[1] ?? numbered?.[2] ?? '').trim(),
    number: numbered ? Number(numbered[1]) : null,
  };
}

/**
 * Runs every section's parser from the SECTIONS table (a missing section gets
 * no items, so its fields come out null or empty) and gathers their fields.
 */
function parseSections(sections: ReadonlyMap<SectionId, Section>, warn: PageReader['warn']): SectionFields {
  const parsed = new Map<SectionId, Partial<SectionFields>>();
  // Plain lists last: see SectionSpec.plainList.
  for (const plainList of [false, true]) {
    for (const id of SECTION_IDS) {
      const spec = SECTIONS[id];
      if (spec.plainList === plainList) parsed.set(id, spec.parse(sections.get(id)?.items ?? [], { label: spec.label, warn }));
    }
  }
  // Gathered in page order so the fields keep their order in the result.
  const fields: Partial<SectionFields> = {};
  for (const id of SECTION_IDS) Object.assign(fields, parsed.get(id));
  // Complete: every section field is owned by one entry of SECTIONS, and each parser returns all of its fields.
  return fields as SectionFields;
}

interface ResolveInput {
  kindClaim: { stated: Stated; line: number } | null;
  fm: { system?: Claim<CodeSystem>; code?: Claim<string> };
  fromFile: Stated;
  opts: ParseCodePageOptions;
  fail: (line: number, expected: string) => never;
  warn: (line: number, message: string) => void;
}

/**
 * Picks system and code by precedence (kind line > front matter > file name >
 * caller). Statements inside the file (kind line, front matter) must agree
 * with each other and with the caller; the file name only loses, with a
 * warning, because renamed copies are common and harmless.
 */
function resolveCode(input: ResolveInput): { system: CodeSystem; code: string; codeSource: CodeSource } {
  const { kindClaim, fm, fromFile, opts, fail, warn } = input;
  const stated = {
    system: [] as Claim<CodeSystem>[],
    code: [] as Claim<string>[],
  };
  if (kindClaim?.stated.system) stated.system.push({ source: 'page', value: kindClaim.stated.system, line: kindClaim.line });
  if (kindClaim?.stated.code) stated.code.push({ source: 'page', value: kindClaim.stated.code, line: kindClaim.line });
  if (fm.system) stated.system.push(fm.system);
  if (fm.code) stated.code.push(fm.code);

  // Kind line and front matter are both statements in the page: a disagreement is a bug in the page.
  const [pageSystem, fmSystem] = stated.system;
  if (pageSystem && fmSystem && pageSystem.value !== fmSystem.value) {
    fail(fmSystem.line, `the front-matter system to agree with the kind line (line ${pageSystem.line} says ${pageSystem.value}), got ${fmSystem.value}`);
  }
  const [pageCode, fmCode] = stated.code;
  if (pageCode && fmCode && toCodeKey(pageCode.value) !== toCodeKey(fmCode.value)) {
    fail(fmCode.line, `the front-matter code to agree with the kind line (line ${pageCode.line} says ${pageCode.value}), got ${fmCode.value}`);
  }

  // The caller must not contradict the page.
  const strongestSystem = stated.system[0];
  const strongestCode = stated.code[0];
  if (opts.system !== undefined && strongestSystem && opts.system !== strongestSystem.value) {
    fail(strongestSystem.line, `system ${opts.system} as the caller passed, but ${SOURCE_WORDS[strongestSystem.source]} states ${strongestSystem.value}`);
  }
  if (opts.code !== undefined && strongestCode && toCodeKey(opts.code) !== toCodeKey(strongestCode.value)) {
    fail(strongestCode.line, `code ${opts.code} as the caller passed, but ${SOURCE_WORDS[strongestCode.source]} states ${strongestCode.value}`);
  }

  const systemClaims: Claim<CodeSystem>[] = [...stated.system];
  const codeClaims: Claim<string>[] = [...stated.code];
  // The file name loses to statements; when its system is overruled its code is not trusted either.
  const fileSystemOverruled = fromFile.system !== null && strongestSystem !== undefined && fromFile.system !== strongestSystem.value;
  if (fileSystemOverruled) {
    warn(1, `the file name says ${fromFile.system ?? ''} but ${SOURCE_WORDS[strongestSystem?.source ?? 'page']} says ${strongestSystem?.value ?? ''}; the file name was ignored`);
  } else {
    if (fromFile.system !== null) systemClaims.push({ source: 'file-name', value: fromFile.system, line: 1 });
    if (fromFile.code !== null) {
      if (strongestCode !== undefined && toCodeKey(strongestCode.value) !== toCodeKey(fromFile.code)) {
        warn(1, `the file name says code ${fromFile.code} but ${SOURCE_WORDS[strongestCode.source]} says ${strongestCode.value}; the file name was ignored`);
      } else {
        codeClaims.push({ source: 'file-name', value: fromFile.code, line: 1 });
      }
    }
  }
  const resolvedSystem = systemClaims[0];
  if (opts.system !== undefined) {
    if (resolvedSystem !== undefined && resolvedSystem.value !== opts.system) {
      warn(1, `the caller passed system ${opts.system} but the file name says ${resolvedSystem.value}; the caller's system was ignored`);
    } else {
      systemClaims.push({ source: 'caller', value: opts.system, line: 1 });
    }
  }
  const callerSystemIgnored = opts.system !== undefined && resolvedSystem !== undefined && resolvedSystem.value !== opts.system;
  if (opts.code !== undefined && !callerSystemIgnored) {
    const resolvedCode = codeClaims[0];
    if (resolvedCode !== undefined && toCodeKey(resolvedCode.value) !== toCodeKey(opts.code)) {
      warn(1, `the caller passed code ${opts.code} but the file name says ${resolvedCode.value}; the caller's code was ignored`);
    } else {
      codeClaims.push({ source: 'caller', value: opts.code, line: 1 });
    }
  }

  const system = systemClaims[0];
  const code = codeClaims[0];
  if (system === undefined && code !== undefined) {
    return fail(code.line, `the code system of ${code.value} (CPT, HCPCS, ICD-10-CM or ICD-10-PCS): state it on the kind line, in front matter, in the file name, or pass it`);
  }
  if (system === undefined || code === undefined) {
    return fail(1, 'a code: state it on the kind line, in front matter, in the file name, or pass it');
  }
  if (!isWellFormedCode(system.value, code.value)) {
    return fail(code.line, `a well-formed ${system.value} code, got "${code.value}" from ${SOURCE_WORDS[code.source]}`);
  }
  return { system: system.value, code: toPublishedCode(system.value, code.value), codeSource: code.source };
}
