import type { CodeSystem } from '../gql/graphql';

/** Every system, in the API's tie-break order. */
export const CODE_SYSTEMS: readonly CodeSystem[] = ['CPT', 'HCPCS', 'ICD10CM', 'ICD10PCS'];

const LABELS: Record<CodeSystem, string> = { CPT: 'CPT', HCPCS: 'HCPCS', ICD10CM: 'ICD-10-CM', ICD10PCS: 'ICD-10-PCS' };

/** How people write the system's name: ICD-10-CM, not ICD10CM. */
export function systemLabel(system: CodeSystem): string {
  return LABELS[system];
}

/** The system named in a URL (`cpt`, `ICD10CM`, `icd-10-cm`); null when it names none. */
export function parseSystem(text: string | undefined): CodeSystem | null {
  const t = (text ?? '').toUpperCase().replace(/-/g, '');
  return (CODE_SYSTEMS as readonly string[]).includes(t) ? (t as CodeSystem) : null;
}

/** The code page's path: /code/CPT/00300, /code/ICD10CM/R42. */
export function codePath(system: CodeSystem, code: string): string {
  return `/code/${system}/${encodeURIComponent(code)}`;
}

/** The graph view's path around a code. */
export function codeGraphPath(system: CodeSystem, code: string): string {
  return `/graph/${system}/${encodeURIComponent(code)}`;
}
