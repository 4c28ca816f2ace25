/**
 * The code systems the graph holds, and how a code is written in each.
 *
 * `codeKey` is the form used for identity and lookups: upper case, no dot,
 * no spaces. `code` is the form as published (ICD-10-CM with its dot after
 * the third character).
 */
export enum CodeSystem {
  CPT = 'CPT',
  HCPCS = 'HCPCS',
  ICD10CM = 'ICD10CM',
  ICD10PCS = 'ICD10PCS',
}

export const CODE_SYSTEMS: readonly CodeSystem[] = [CodeSystem.CPT, CodeSystem.HCPCS, CodeSystem.ICD10CM, CodeSystem.ICD10PCS];

/** Upper case, without dots, spaces or hyphens: the identity of a code within its system. */
export function toCodeKey(code: string): string {
  return code.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The published form of a code: ICD-10-CM codes longer than three characters
 * get their dot after the third (M62830 -> M62.830); other systems are the key.
 */
export function toPublishedCode(system: CodeSystem, code: string): string {
  const key = toCodeKey(code);
  if (system === CodeSystem.ICD10CM && key.length > 3 && /^[A-Z][0-9A-Z][0-9A-Z]/.test(key)) {
    return `${key.slice(0, 3)}.${key.slice(3)}`;
  }
  return key;
}

const PATTERNS: Record<CodeSystem, RegExp> = {
  // 4 digits + digit/F/T/U (0001T, 99213, 0001F, 0001U)
  [CodeSystem.CPT]: /^[0-9]{4}[0-9FTUM]$/,
  // letter + 4 digits; modifiers are two characters (LT, A1, GA)
  [CodeSystem.HCPCS]: /^(?:[A-V][0-9]{4}|[A-Z0-9]{2})$/,
  // letter, digit (or a letter since FY2026: QA0), alphanumeric, then up to 4 alphanumerics
  [CodeSystem.ICD10CM]: /^[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}$/,
  // seven characters from 0-9 and letters except I and O
  [CodeSystem.ICD10PCS]: /^[0-9A-HJ-NP-Z]{7}$/,
};

/** True when `code` (any case, with or without ICD dot) has the shape of a code of `system`. */
export function isWellFormedCode(system: CodeSystem, code: string): boolean {
  return PATTERNS[system].test(toCodeKey(code));
}

/**
 * Names people and pages use for each system, mapped to the enum.
 * Returns null when the text names no known system.
 */
export function parseCodeSystemName(text: string): CodeSystem | null {
  const t = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (/^(CPT|CPT4|CPTIV|AMACPT)/.test(t)) return CodeSystem.CPT;
  if (/^(HCPCS|HCPC|HCPCSLEVELII|HCPCSII)/.test(t)) return CodeSystem.HCPCS;
  if (/^ICD10PCS|^ICDPCS|^PCS/.test(t)) return CodeSystem.ICD10PCS;
  if (/^ICD10CM|^ICD10|^ICDCM/.test(t)) return CodeSystem.ICD10CM;
  return null;
}
