/**
 * The sections a code page can have and the headings that start them.
 *
 * Only known headings start a section: any prose line could look like a
 * heading, so an unknown line is text of the section it sits in. The alias
 * table is deliberately small; add a spelling here when a real page uses it.
 */

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

/** Canonical heading of each section, used in warnings and errors. */
export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  name: 'Name of the Procedure',
  summary: 'Summary',
  purpose: 'Purpose',
  indications: 'Indications',
  preparation: 'Preparation',
  procedure: 'Procedure Description',
  duration: 'Duration',
  setting: 'Setting',
  personnel: 'Personnel',
  risks: 'Risks and Complications',
  benefits: 'Benefits',
  recovery: 'Recovery',
  alternatives: 'Alternatives',
  patientExperience: 'Patient Experience',
  policies: 'Medical Policies and Guidelines',
  similarCodes: 'Similar Codes',
};

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
