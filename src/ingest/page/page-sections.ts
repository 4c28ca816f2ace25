/**
 * The sections a code page can have and the headings that start them.
 *
 * Only known headings start a section: any prose line could look like a
 * heading, so an unknown line is text of the section it sits in. The alias
 * table is deliberately small; add a spelling here when a real page uses it.
 */

import {
  SectionParser,
  listTexts,
  parseAlternativesSection,
  parseDurationSection,
  parseNameSection,
  parsePoliciesSection,
  parseProcedureSection,
  parseRisksSection,
  parseSimilarCodesSection,
  proseText,
} from './section-parsers';

export type SectionId =
  | 'name'
  | 'summary'
  | 'purpose'
  | 'indications'
  | 'preparation'
  | 'procedure'
  | 'duration'
  | 'setting'
  | 'personnel'
  | 'risks'
  | 'benefits'
  | 'recovery'
  | 'alternatives'
  | 'patientExperience'
  | 'policies'
  | 'similarCodes';

/** How one section kind is named and read. */
export interface SectionSpec {
  /** Canonical heading, used in warnings and errors. */
  label: string;
  /** Reads the section's items into the ParsedPage fields it owns. */
  parse: SectionParser;
  /**
   * A plain list of texts. Plain lists are parsed after the other sections so
   * that warnings keep the order the parser has always given them.
   */
  plainList: boolean;
  /**
   * Whether a heading with nothing under it is worth a warning. Pages print
   * the policies and similar-codes headings even when there is nothing to list.
   */
  warnWhenEmpty: boolean;
}

/**
 * The one table of sections, in page order (which is also the order of the
 * ParsedPage fields they fill). Every ParsedPage field that comes from a
 * section is filled by exactly one entry here.
 */
export const SECTIONS: Readonly<Record<SectionId, SectionSpec>> = {
  name: { label: 'Name of the Procedure', parse: parseNameSection, plainList: false, warnWhenEmpty: true },
  summary: { label: 'Summary', parse: (items) => ({ summary: proseText(items) }), plainList: false, warnWhenEmpty: true },
  purpose: { label: 'Purpose', parse: (items) => ({ purpose: proseText(items) }), plainList: false, warnWhenEmpty: true },
  indications: { label: 'Indications', parse: (items, ctx) => ({ indications: listTexts(items, ctx) }), plainList: true, warnWhenEmpty: true },
  preparation: { label: 'Preparation', parse: (items, ctx) => ({ preparation: listTexts(items, ctx) }), plainList: true, warnWhenEmpty: true },
  procedure: { label: 'Procedure Description', parse: parseProcedureSection, plainList: false, warnWhenEmpty: true },
  duration: { label: 'Duration', parse: parseDurationSection, plainList: false, warnWhenEmpty: true },
  setting: { label: 'Setting', parse: (items) => ({ settingText: proseText(items) }), plainList: false, warnWhenEmpty: true },
  personnel: { label: 'Personnel', parse: (items, ctx) => ({ personnel: listTexts(items, ctx) }), plainList: true, warnWhenEmpty: true },
  risks: { label: 'Risks and Complications', parse: parseRisksSection, plainList: false, warnWhenEmpty: true },
  benefits: { label: 'Benefits', parse: (items, ctx) => ({ benefits: listTexts(items, ctx) }), plainList: true, warnWhenEmpty: true },
  recovery: { label: 'Recovery', parse: (items, ctx) => ({ recovery: listTexts(items, ctx) }), plainList: true, warnWhenEmpty: true },
  alternatives: { label: 'Alternatives', parse: parseAlternativesSection, plainList: false, warnWhenEmpty: true },
  patientExperience: { label: 'Patient Experience', parse: (items) => ({ patientExperience: proseText(items) }), plainList: false, warnWhenEmpty: true },
  policies: { label: 'Medical Policies and Guidelines', parse: parsePoliciesSection, plainList: false, warnWhenEmpty: false },
  similarCodes: { label: 'Similar Codes', parse: parseSimilarCodesSection, plainList: false, warnWhenEmpty: false },
};

/** Section ids in page order. */
export const SECTION_IDS = Object.keys(SECTIONS) as readonly SectionId[];

/** Headings after `normalizeHeading`, mapped to their section. */
const HEADING_ALIASES: ReadonlyMap<string, SectionId> = new Map<string, SectionId>([
  ['name of the procedure', 'name'],
  ['name of procedure', 'name'],
  ['procedure name', 'name'],
  ['summary', 'summary'],
  ['overview', 'summary'],
  ['purpose', 'purpose'],
  ['purpose of the procedure', 'purpose'],
  ['indications', 'indications'],
  ['indication', 'indications'],
  ['preparation', 'preparation'],
  ['patient preparation', 'preparation'],
  ['how to prepare', 'preparation'],
  ['procedure description', 'procedure'],
  ['description of the procedure', 'procedure'],
  ['procedure steps', 'procedure'],
  ['procedure', 'procedure'],
  ['duration', 'duration'],
  ['length of the procedure', 'duration'],
  ['setting', 'setting'],
  ['settings', 'setting'],
  ['personnel', 'personnel'],
  ['personnel involved', 'personnel'],
  ['care team', 'personnel'],
  ['risks and complications', 'risks'],
  ['risks complications', 'risks'],
  ['complications and risks', 'risks'],
  ['risks', 'risks'],
  ['complications', 'risks'],
  ['risks and side effects', 'risks'],
  ['benefits', 'benefits'],
  ['recovery', 'recovery'],
  ['recovery and aftercare', 'recovery'],
  ['aftercare', 'recovery'],
  ['alternatives', 'alternatives'],
  ['alternative treatments', 'alternatives'],
  ['alternative procedures', 'alternatives'],
  ['patient experience', 'patientExperience'],
  ['what to expect', 'patientExperience'],
  ['medical policies and guidelines', 'policies'],
  ['medical policies', 'policies'],
  ['related policies from health plans', 'policies'],
  ['similar codes', 'similarCodes'],
  ['related codes', 'similarCodes'],
]);

/** The line under the policies heading that introduces the list; not content. */
export const POLICIES_SUBHEADING = 'related policies from health plans';

/** Headings are only looked for in lines up to this long (after collapsing). */
const MAX_HEADING_CHARS = 600;

/**
 * Heading text in comparable form: markdown emphasis and `#` removed, `&`
 * read as "and", punctuation dropped, lower case. Expects collapsed text.
 */
export function normalizeHeading(line: string): string {
  return line
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The section a (collapsed, trimmed) line starts, or null when it is not a
 * known heading. `Medical Policies and Guidelines for <title>` matches on its
 * prefix because the title varies.
 */
export function headingSection(line: string): SectionId | null {
  if (line.length === 0 || line.length > MAX_HEADING_CHARS) return null;
  // A bullet or a numbered line is content even if its text is "Summary".
  // ("•" and its kin need no space after them, as in the parser.)
  if (/^[•·▪◦‣●]/.test(line) || /^[-*–]\s/.test(line) || /^\d{1,3}[.)]\s/.test(line)) return null;
  const normalized = normalizeHeading(line);
  const direct = HEADING_ALIASES.get(normalized);
  if (direct !== undefined) return direct;
  if (normalized.startsWith('medical policies and guidelines for ')) return 'policies';
  // "Possible Risks and Complications", "Duration of the Procedure", "Similar CPT Codes":
  // a known heading wrapped in words that add nothing is still that heading.
  const core = normalized
    .replace(HEADING_QUALIFIER_BEFORE_RE, '')
    .replace(HEADING_QUALIFIER_AFTER_RE, '')
    .replace(/^(similar|related) (?:cpt 4|cpt|hcpcs|icd 10 cm|icd 10 pcs|icd 10) (codes?)$/, '$1 $2');
  return core !== normalized ? (HEADING_ALIASES.get(core) ?? null) : null;
}

const HEADING_QUALIFIER_BEFORE_RE = /^(?:possible|potential|expected|estimated|typical|key|main|the) /;
const HEADING_QUALIFIER_AFTER_RE =
  / (?:of|for|to|during|after|before|with) (?:the |this )?(?:procedure|surgery|service|treatment|injection|code)$| (?:process|options?|time|period|information|details)$/;
