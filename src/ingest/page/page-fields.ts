/**
 * Parsers for the structured parts inside code-page sections. Each takes one
 * collapsed piece of text (see `collapseSpace`) and never throws.
 */
import { CodeSystem, isWellFormedCode, parseCodeSystemName, toCodeKey, toPublishedCode } from '../../domain/code-system';
import type { ParsedAlternative, ParsedPolicy, ParsedSimilarCode, RiskFrequency } from './page.types';
import { collapseSpace, splitTopLevel, stripQuotes, trimChars, trimEndChars } from './page-text';

// ---------------------------------------------------------------- duration

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['half a', 0.5],
  ['half an', 0.5],
  ['a couple of', 2],
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
  ['thirty', 30],
  ['forty-five', 45],
  ['forty five', 45],
  ['forty', 40],
  ['sixty', 60],
  ['ninety', 90],
]);

/** Words that give a quantity no number: "several hours" is open-ended. */
const VAGUE_WORDS = ['several', 'a few', 'few', 'many', 'multiple'];

// Longer phrases first so "a few" is read before the article "a"; the engine
// still falls back to later alternatives when an earlier one leads nowhere.
const NUM =
  '(\\d+(?:\\.\\d+)?|half an?|a couple of|forty[- ]five|several|a few|multiple|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|three|seven|eight|four|five|nine|many|few|one|two|six|ten|an?)';
const UNIT = '(minutes?|mins?|hours?|hrs?|days?)';

const RANGE_RE = new RegExp(`\\b${NUM} ?${UNIT}? ?(?:to|-|–|—|and|or) ?${NUM} ?${UNIT}\\b`, 'i');
const AT_LEAST_RE = new RegExp(`\\b(?:at least|more than|over|upwards of|a minimum of) ${NUM} ?${UNIT}\\b`, 'i');
const OR_MORE_RE = new RegExp(`\\b${NUM} ?${UNIT} (?:or more|or longer|and up|plus)\\b`, 'i');
const UP_TO_RE = new RegExp(`\\b(?:up to|less than|under|no more than|within|at most) ${NUM} ?${UNIT}\\b`, 'i');
const SINGLE_RE = new RegExp(`\\b${NUM} ?${UNIT}\\b`, 'i');
// "an hour or two", "a day or two", "1 hour to 2": the second number shares the first's unit.
const SHARED_UNIT_RANGE_RE = new RegExp(`\\b${NUM} ?${UNIT} ?(?:to|or|-|–|—) ?${NUM}\\b(?! ?${UNIT})`, 'i');
// "1 hour 30 minutes", "2 hrs and 15 min" -> one amount in minutes, before any other pattern.
const HOURS_AND_MINUTES_RE = /\b(\d+|an?|one|two|three|four|five|six) ?(?:hours?|hrs?),? (?:and )?(\d+) ?(?:minutes?|mins?)\b/gi;
const FRACTIONS: ReadonlyMap<string, string> = new Map([
  ['½', '.5'],
  ['¼', '.25'],
  ['¾', '.75'],
]);
// "an hour and a half" / "one and a half hours" -> "1.5 hours", before the
// range pattern can read "one and a half" as a range from one to a.
const AND_A_HALF_AFTER_RE = /\b(\d+|an?|one|two|three|four) (hours?|days?) and a half\b/gi;
const AND_A_HALF_BEFORE_RE = /\b(\d+|one|two|three|four) and a half (hours?|days?)\b/gi;

function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace('-', ' ');
  if (/^\d/.test(w)) return Number(w);
  if (VAGUE_WORDS.includes(w)) return null;
  return NUMBER_WORDS.get(w) ?? NUMBER_WORDS.get(w.replace(' ', '-')) ?? null;
}

function unitMinutes(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('d')) return 24 * 60;
  if (u.startsWith('h')) return 60;
  return 1;
}

function toMinutes(word: string, unit: string): number | null {
  const n = numberValue(word);
  return n === null ? null : Math.round(n * unitMinutes(unit));
}

/**
 * Minutes from a Duration text. Tries, in order: a range ("1 to 2 hours",
 * "30-60 minutes", "30 minutes to several hours" -> max null), an open
 * lower bound ("at least 30 minutes"), an upper bound ("up to an hour"),
 * then a single amount ("about an hour", "1.5 hours"). Both null when the
 * text gives no amount.
 */
export function parseDurationMinutes(text: string): { minMinutes: number | null; maxMinutes: number | null } {
  const half = (_m: string, n: string, unit: string): string => `${(numberValue(n) ?? 0) + 0.5} ${unit}`;
  const hoursAndMinutes = (_m: string, h: string, min: string): string => `${Math.round((numberValue(h) ?? 0) * 60 + Number(min))} minutes`;
  const t = collapseSpace(text)
    // "1½ hours" -> "1.5 hours", "½ hour" -> "0.5 hour"
    .replace(/(\d?) ?([½¼¾])/g, (_m: string, whole: string, frac: string) => `${whole === '' ? '0' : whole}${FRACTIONS.get(frac) ?? ''}`)
    .replace(HOURS_AND_MINUTES_RE, hoursAndMinutes)
    .replace(AND_A_HALF_AFTER_RE, half)
    .replace(AND_A_HALF_BEFORE_RE, half);
  const range = RANGE_RE.exec(t);
  if (range) {
    const [, n1 = '', u1, n2 = '', u2 = ''] = range;
    return { minMinutes: toMinutes(n1, u1 ?? u2), maxMinutes: toMinutes(n2, u2) };
  }
  const shared = SHARED_UNIT_RANGE_RE.exec(t);
  if (shared) {
    const [, n1 = '', unit = '', n2 = ''] = shared;
    return { minMinutes: toMinutes(n1, unit), maxMinutes: toMinutes(n2, unit) };
  }
  const atLeast = AT_LEAST_RE.exec(t) ?? OR_MORE_RE.exec(t);
  if (atLeast) {
    return { minMinutes: toMinutes(atLeast[1] ?? '', atLeast[2] ?? ''), maxMinutes: null };
  }
  const upTo = UP_TO_RE.exec(t);
  if (upTo) {
    return { minMinutes: null, maxMinutes: toMinutes(upTo[1] ?? '', upTo[2] ?? '') };
  }
  const single = SINGLE_RE.exec(t);
  if (single) {
    const minutes = toMinutes(single[1] ?? '', single[2] ?? '');
    return { minMinutes: minutes, maxMinutes: minutes };
  }
  return { minMinutes: null, maxMinutes: null };
}

// ---------------------------------------------------------- procedure name

const COMMON_NAME_MARKERS = ['commonly referred to as', 'also known as', 'commonly called', 'commonly known as', 'often called', 'also called'];

/**
 * Splits `Full name. (Commonly referred to as "Everyday name")` into its two
 * names. Without a marker the whole text is the full name.
 */
export function parseProcedureName(text: string): { fullName: string | null; commonName: string | null } {
  const t = collapseSpace(text);
  if (t.length === 0) return { fullName: null, commonName: null };
  const lower = t.toLowerCase();
  let at = -1;
  let marker = '';
  for (const m of COMMON_NAME_MARKERS) {
    const i = lower.indexOf(m);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      marker = m;
    }
  }
  if (at < 0) return { fullName: cleanName(t), commonName: null };
  let before = t.slice(0, at).trimEnd();
  let after = t.slice(at + marker.length);
  if (before.endsWith('(')) {
    before = before.slice(0, -1);
    const close = after.indexOf(')');
    if (close >= 0) after = after.slice(0, close);
  }
  const common = cleanName(stripQuotes(trimChars(after, ' :')));
  return { fullName: cleanName(before), commonName: common };
}

function cleanName(text: string): string | null {
  const cleaned = stripQuotes(trimEndChars(text.trim(), ' .,;:-–—('));
  return cleaned.length > 0 ? cleaned : null;
}

// --------------------------------------------------------------- equipment

const EQUIPMENT_RE =
  /\b(?:tools and equipment|equipment and tools|tools and instruments|instruments and equipment|equipment|tools|instruments|supplies)(?: (?:used|needed|required))?(?: (?:may|will|typically|usually|often|commonly))? (?:include|includes|including|consist of|consists of|comprise|comprises):? ([^.;]+)/gi;

/**
 * Items of every "Tools and equipment used include a, b, and c." sentence,
 * split on commas, "and", "or", articles removed, in order, no duplicates.
 */
export function findEquipment(text: string): string[] {
  const t = collapseSpace(text);
  const items: string[] = [];
  for (const match of t.matchAll(EQUIPMENT_RE)) {
    for (const part of (match[1] ?? '').split(/,|\band\/or\b|\band\b|\bor\b/i)) {
      const item = trimChars(part.trim().replace(/^(?:a|an|the|some|various) /i, ''), ' .:');
      if (item.length > 0 && !items.some((x) => x.toLowerCase() === item.toLowerCase())) items.push(item);
    }
  }
  return items;
}

// ------------------------------------------------------------------- risks

export type RiskBullet = { kind: 'risks'; frequency: RiskFrequency; items: string[] } | { kind: 'management'; text: string } | { kind: 'unlabelled'; items: string[] };

const FREQUENCY_LABEL = '(very rare|less common|more common|common|rare|uncommon|frequent|infrequent|occasional|serious but rare|rare but serious|serious)';
// "Common: a, b", "Common - a, b", "Common risks: a", "Rare (less than 1%): a",
// "Common side effects include a, b". The separator is a colon, a spaced dash
// or "include(s)"; a parenthetical after the label ("(less than 1%)") is dropped.
const RISK_LABEL_RE = new RegExp(
  `^${FREQUENCY_LABEL}(?: (?:risks?|complications?|side effects?|adverse effects?))?(?: ?\\([^()]*\\))?(?: ?: ?| [-–—] ?| (?:may )?(?:include|includes|are)(?: ?:)? )(.*)$`,
  'i',
);
const RISK_LEAD_IN_RE = /^(?:possible |potential )?(?:risks?|complications?|side effects?)(?: may)? (?:include|includes|are)(?: ?:)? ?/i;
// Bullets that say how complications are handled rather than naming any:
// "Management involves ...", "Managed with ...", "Complications are managed
// with ...", "Treatment of complications includes ...".
const MANAGEMENT_RE =
  /^(?:manag(?:e|ed|es|ing|ement)\b|(?:these |such |any |all |most )?(?:risks?|complications?|side effects?|problems?|they) (?:are|is|can be|will be|may be) (?:usually |typically |generally |promptly |quickly )?(?:managed|treated|handled|addressed)\b|(?:treatment|prevention)(?: and management)? of (?:these |any |such )?(?:risks?|complications?|side effects?)\b)/i;

/**
 * Reads one bullet of Risks and Complications: `Common: a, b, c.`,
 * `Rare: ...`, `Management ...` (or another sentence on handling
 * complications), or an unlabelled list.
 */
export function parseRiskBullet(text: string): RiskBullet {
  const t = collapseSpace(text);
  if (MANAGEMENT_RE.test(t)) return { kind: 'management', text: t };
  const labelled = RISK_LABEL_RE.exec(t);
  if (labelled) {
    const label = (labelled[1] ?? '').toLowerCase();
    const frequency: RiskFrequency = label === 'common' || label === 'more common' || label === 'frequent' ? 'COMMON' : 'RARE';
    return { kind: 'risks', frequency, items: splitRiskItems(labelled[2] ?? '') };
  }
  return { kind: 'unlabelled', items: splitRiskItems(t.replace(RISK_LEAD_IN_RE, '')) };
}

/** Comma/semicolon-separated items, leading "or"/"and" and a trailing period removed. */
export function splitRiskItems(text: string): string[] {
  return splitTopLevel(text, ',;')
    .map((part) =>
      trimEndChars(
        part
          .trim()
          .replace(/^(?:or|and|and\/or) /i, '')
          .trim(),
        '. ',
      ),
    )
    .filter((part) => part.length > 0);
}

// ------------------------------------------------------------ alternatives

// A code named with its system inside running text: "ICD-10-PCS 3E0T3BZ", "CPT® code 64415",
// "HCPCS J2250". "CPT 40490" is CPT code 40490: the 4 of "CPT4" never takes a digit after it.
const NAMED_CODE_RE = /\b(cpt(?: ?[®™])?(?: ?-?4(?![0-9]))?|hcpcs(?: level (?:ii|2)| ii)?|icd ?-?10 ?-?cm|icd ?-?10 ?-?pcs)[®™]?(?: codes?)?[\s:#]*([a-z0-9][a-z0-9.]{2,8})(?![a-z0-9])/gi;

/** The first well-formed code that `text` names with its system, or null. */
export function findNamedCode(text: string): { system: CodeSystem; code: string } | null {
  for (const m of text.matchAll(NAMED_CODE_RE)) {
    const system = parseCodeSystemName(m[1] ?? '');
    const written = trimEndChars(m[2] ?? '', '.');
    if (system !== null && isWellFormedCode(system, written)) return { system, code: toPublishedCode(system, toCodeKey(written)) };
  }
  return null;
}

/**
 * `Name: description`, else `Name - description`, else a bare name, with the code the
 * text names ("Peripheral nerve block (ICD-10-PCS 3E0T3BZ): ..."). Null when empty.
 */
export function parseAlternative(text: string): ParsedAlternative | null {
  const t = collapseSpace(text);
  let name = t;
  let description: string | null = null;
  const colon = t.indexOf(':');
  const dash = /\s[-–—]\s/.exec(t);
  if (colon >= 0) {
    name = t.slice(0, colon);
    description = t.slice(colon + 1).trim();
  } else if (dash) {
    name = t.slice(0, dash.index);
    description = t.slice(dash.index + dash[0].length).trim();
  }
  name = trimEndChars(name.trim(), ' .');
  if (name.length === 0) return null;
  return { name, description: description === null || description.length === 0 ? null : description, code: findNamedCode(t) };
}

// ---------------------------------------------------------------- policies

// Parentheses end a URL ("Title (https://...)") unless they are balanced inside it
// ("https://en.wikipedia.org/wiki/Anesthesia_(disambiguation)").
const URL_RE = /https?:\/\/(?:[^\s<>()[\]"]|\([^\s<>()[\]"]*\))+/i;

/** Lines that say the list is empty rather than being an item of it. */
export function isEmptyListNote(text: string): boolean {
  return /^(?:none|n\/a|no (?:related |similar |known )?(?:policies|codes|items)(?: (?:found|available|listed))?)\.?$/i.test(collapseSpace(text));
}

/**
 * One policy bullet: `Payer: Title (https://...)`, `Title - Payer`, a bare
 * URL (the URL is then also the title) or a bare title. Null when empty.
 */
export function parsePolicy(text: string): ParsedPolicy | null {
  let t = collapseSpace(text);
  let url: string | null = null;
  const found = URL_RE.exec(t);
  if (found) {
    url = trimEndChars(found[0], '.,;:');
    t = collapseSpace(t.slice(0, found.index) + t.slice(found.index + found[0].length))
      .replace(/\(\s*\)|<\s*>|\[\s*\]/g, '')
      .trim();
    // A markdown link "[Title](https://...)": the brackets only mark the link text.
    t = t.replace(/\[([^[\]]+)\]/, '$1');
  }
  // "Humana: https://..." names the payer and nothing else.
  const payerOnly = url !== null && /^[^:]{1,80}:$/.test(trimChars(t, ' -–—,;.'));
  t = trimChars(t, ' -–—:,;.');
  if (t.length === 0) return url === null ? null : { title: url, payer: null, url };
  if (payerOnly && url !== null) return { title: url, payer: t, url };
  const colon = /^([^:]{1,80}): (.+)$/.exec(t);
  if (colon) return { title: (colon[2] ?? '').trim(), payer: (colon[1] ?? '').trim(), url };
  const dash = Math.max(t.lastIndexOf(' - '), t.lastIndexOf(' – '), t.lastIndexOf(' — '));
  if (dash > 0) {
    let title = t.slice(0, dash).trim();
    let payer = t.slice(dash + 3).trim();
    // "Anthem - Anesthesia Services": the usual order is "Title - Payer", but a
    // side that names a health plan while the other does not is the payer.
    if (looksLikePayer(title) && !looksLikePayer(payer)) [title, payer] = [payer, title];
    if (title.length > 0 && payer.length > 0) return { title, payer, url };
  }
  return { title: t, payer: null, url };
}

/** Names of health plans and payers, and the words that mark one ("Health Plan"). */
const PAYER_RE =
  /\b(?:aetna|cigna|humana|anthem|elevance|unitedhealthcare|united healthcare|uhc|optum|blue cross|blue shield|bcbs\w*|kaiser|medicare|medicaid|cms|tricare|centene|ambetter|molina|wellcare|highmark|emblemhealth|oscar|carefirst|premera|regence|geisinger|health net|healthpartners|harvard pilgrim|tufts|priority health|evicore|carelon|noridian|palmetto|novitas|wisconsin physicians|first coast|health plans?|insurance|mutual)\b/i;

function looksLikePayer(text: string): boolean {
  return PAYER_RE.test(text);
}

// ----------------------------------------------------------- similar codes

// "CPT", "CPT®", "CPT-4", "HCPCS Level II", "ICD-10-PCS", each optionally followed by "code".
const SYSTEM_PREFIX_RE = /^(cpt(?: ?[®™])?(?: ?-?(?:4|iv)(?![0-9a-z]))?|hcpcs(?: level (?:ii|2)| ii)?|icd ?-?10 ?-?cm|icd ?-?10 ?-?pcs)[®™]?(?: codes?)?(?=[\s:#-])[\s:#-]*/i;
/** A bare "Code" / "Code:" before the code when no system is named. */
const CODE_WORD_RE = /^codes?(?=[\s:#])[\s:#]*/i;
const CODE_TOKEN_RE = /^([a-z0-9][a-z0-9.]{0,9})(?=$|[\s:,;(–—-])/i;

/**
 * The system a code's shape implies when the page does not name one, or null
 * when the shape fits several systems (a 7-character code starting with a
 * letter and a digit is both ICD-10-CM without its dot and ICD-10-PCS).
 */
export function inferCodeSystem(code: string): CodeSystem | null {
  const written = code.trim().toUpperCase();
  if (written.includes('.')) return isWellFormedCode(CodeSystem.ICD10CM, written) ? CodeSystem.ICD10CM : null;
  const key = toCodeKey(written);
  if (/^[0-9]{4}[0-9FTU]$/.test(key)) return CodeSystem.CPT;
  if (/^[A-V][0-9]{4}$/.test(key)) return CodeSystem.HCPCS;
  if (key.length === 7) {
    if (!isWellFormedCode(CodeSystem.ICD10PCS, key)) {
      return isWellFormedCode(CodeSystem.ICD10CM, key) ? CodeSystem.ICD10CM : null;
    }
    if (/^[0-9]/.test(key) || /^[A-Z][A-Z]/.test(key)) return CodeSystem.ICD10PCS;
    return null;
  }
  return isWellFormedCode(CodeSystem.ICD10CM, key) ? CodeSystem.ICD10CM : null;
}

/**
 * One Similar Codes bullet: `CPT 00320: title`, `ICD-10-PCS 3E0T3BZ - title`,
 * `J2001 title`, `00320`. Returns a problem text instead when the bullet has
 * no code or the code does not fit the system it names.
 */
export function parseSimilarCode(text: string): ParsedSimilarCode | { problem: string } {
  let rest = collapseSpace(text);
  let named: CodeSystem | null = null;
  const prefix = SYSTEM_PREFIX_RE.exec(rest);
  if (prefix) {
    named = parseCodeSystemName(prefix[1] ?? '');
    rest = rest.slice(prefix[0].length);
  } else {
    rest = rest.replace(CODE_WORD_RE, '');
  }
  const token = CODE_TOKEN_RE.exec(rest);
  const written = token ? trimEndChars(token[1] ?? '', '.') : '';
  if (!/[0-9]/.test(written)) return { problem: `no code in similar-code bullet "${text.trim()}"` };
  rest = trimChars(rest.slice(token ? token[0].length : 0), ' :-–—,;');
  // "00402 (Anesthesia for ...)": the parentheses only set the title off.
  if (/^\([^()]*\)$/.test(rest)) rest = rest.slice(1, -1).trim();
  const title = rest.length > 0 ? rest : null;
  if (named !== null) {
    if (!isWellFormedCode(named, written)) {
      return { problem: `"${written}" is not a well-formed ${named} code in similar-code bullet` };
    }
    return { system: named, code: toPublishedCode(named, written), title };
  }
  const inferred = inferCodeSystem(written);
  return {
    system: inferred,
    code: inferred === null ? toCodeKey(written) : toPublishedCode(inferred, written),
    title,
  };
}
