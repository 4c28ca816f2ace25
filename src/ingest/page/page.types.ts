import type { CodeSystem } from '../../domain/code-system';

/** Where the code of a page was read from, strongest first. */
export type CodeSource = 'page' | 'front-matter' | 'file-name' | 'caller';

export type RiskFrequency = 'COMMON' | 'RARE';

export interface ParsedDuration {
  /** The Duration section as written. */
  text: string;
  /** Lower bound in minutes, null when the text gives none (e.g. "up to an hour"). */
  minMinutes: number | null;
  /** Upper bound in minutes, null when open-ended ("30 minutes to several hours"). */
  maxMinutes: number | null;
}

export interface ParsedRisk {
  frequency: RiskFrequency;
  /** One comma-separated item of a Common:/Rare: bullet, original case. */
  text: string;
  /** 1-based line of the bullet; optional so hand-built pages need not set it. */
  line?: number;
}

export interface ParsedAlternative {
  name: string;
  description: string | null;
  /** The code the alternative's text names with its system ("Nerve block (ICD-10-PCS 3E0T3BZ)"), if any. */
  code: { system: CodeSystem; code: string } | null;
}

export interface ParsedPolicy {
  title: string;
  payer: string | null;
  url: string | null;
}

export interface ParsedSimilarCode {
  /** Null when the bullet names no system and the code's shape is ambiguous. */
  system: CodeSystem | null;
  /** Published form when the system is known, else upper-cased as written. */
  code: string;
  title: string | null;
}

/** Everything a code page says, as data. Produced by `parseCodePage`. */
export interface ParsedPage {
  system: CodeSystem;
  /** Published form (`toPublishedCode`). */
  code: string;
  codeSource: CodeSource;
  title: string;
  /** The kind line as written (`CPT4 code`), null when the page has none. */
  kind: string | null;
  fullName: string | null;
  commonName: string | null;
  summary: string | null;
  purpose: string | null;
  indications: string[];
  preparation: string[];
  /** Numbered steps in page order, numbers stripped. */
  steps: string[];
  equipment: string[];
  duration: ParsedDuration | null;
  /**
   * The Setting section as written: paragraphs joined by a blank line,
   * bullets one per line as `• text`.
   */
  settingText: string | null;
  personnel: string[];
  risks: ParsedRisk[];
  riskManagement: string | null;
  benefits: string[];
  recovery: string[];
  alternatives: ParsedAlternative[];
  patientExperience: string | null;
  policies: ParsedPolicy[];
  similarCodes: ParsedSimilarCode[];
  /** Things the parser tolerated, each starting `line N: `. */
  warnings: string[];
}

/** A vocabulary concept a page points at. */
export interface Ref {
  key: string;
  name: string;
}

export interface PageGraphCode {
  system: CodeSystem;
  code: string;
  codeKey: string;
  title: string;
  commonName: string | null;
  fullName: string | null;
  summary: string | null;
  purpose: string | null;
  preparation: string[];
  steps: string[];
  durationText: string | null;
  durationMinMinutes: number | null;
  durationMaxMinutes: number | null;
  settingText: string | null;
  riskManagement: string | null;
  benefits: string[];
  recovery: string[];
  patientExperience: string | null;
}

export interface PageGraphIndication {
  /** `ind-` + slug of the normalised text. */
  key: string;
  text: string;
  icd10cm: string[];
}

export interface PageGraphRisk extends Ref {
  frequency: RiskFrequency;
  /** As written on the page. */
  text: string;
  icd10cm: string[];
}

export interface PageGraphAlternative {
  key: string;
  name: string;
  description: string | null;
  /** The code the page names for it (published form and key), or null: becomes CODED_AS. */
  codeSystem: CodeSystem | null;
  code: string | null;
  codeKey: string | null;
}

export interface PageGraphPolicy {
  key: string;
  title: string;
  payer: string | null;
  url: string | null;
}

export interface PageGraphSimilarCode {
  system: CodeSystem;
  code: string;
  codeKey: string;
  title: string | null;
}

/** A parsed page mapped onto the vocabulary: the nodes and edges one page contributes. */
export interface PageGraph {
  code: PageGraphCode;
  indications: PageGraphIndication[];
  settings: Ref[];
  personnel: Ref[];
  risks: PageGraphRisk[];
  bodyRegions: Ref[];
  bodySystems: Ref[];
  equipment: Ref[];
  alternatives: PageGraphAlternative[];
  policies: PageGraphPolicy[];
  similarCodes: PageGraphSimilarCode[];
  /** The page's parse warnings, then the mapping warnings. */
  warnings: string[];
}
