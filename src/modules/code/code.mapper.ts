import { CodeSystem } from '../../domain/code-system';
import { codeRef, toGlobalId } from '../common/global-id';
import type { CodeModel } from './code.type';

type Props = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);

/**
 * Maps the properties of a :Code node to the GraphQL model: the whole node (`c {.*}`), or
 * a light row from a list query (`light: true`, no page text; see CodeResolver.page).
 */
export function toCodeModel(p: Props): CodeModel {
  const system = p.system as CodeSystem;
  const codeKey = String(p.codeKey);
  const ref = codeRef(system, codeKey);
  return {
    nodeType: 'Code',
    // Encoded when read: most list rows (a walk's 20 codes per risk) are never asked for `id`.
    get id() {
      return toGlobalId('Code', ref);
    },
    ref,
    system,
    codeKey,
    code: str(p.code) ?? codeKey,
    title: str(p.title) ?? str(p.code) ?? codeKey,
    shortTitle: str(p.shortTitle),
    commonName: str(p.commonName),
    fullName: str(p.fullName),
    pageTitle: str(p.pageTitle),
    billable: p.billable !== false,
    active: p.active !== false,
    level: str(p.level),
    hasPage: p.hasPage === true,
    summary: str(p.summary),
    purpose: str(p.purpose),
    preparation: strs(p.preparation),
    steps: strs(p.steps),
    durationText: str(p.durationText),
    durationMinMinutes: int(p.durationMinMinutes),
    durationMaxMinutes: int(p.durationMaxMinutes),
    settingText: str(p.settingText),
    riskManagement: str(p.riskManagement),
    benefits: strs(p.benefits),
    recovery: strs(p.recovery),
    patientExperience: str(p.patientExperience),
    addedDate: str(p.addedDate),
    terminationDate: str(p.terminationDate),
    light: p.light === true,
  };
}

const rowMappers = new WeakMap<readonly string[], (row: unknown) => CodeModel>();

/**
 * The mapper of the code-page statement's positional light rows (`[c.system, c.codeKey, ...]`,
 * in the order of `props`, its projection: code-page.fields.ts): the same model toCodeModel
 * makes of a light map row. One mapper per projection list.
 */
export function lightRowMapper(props: readonly string[]): (row: unknown) => CodeModel {
  let mapper = rowMappers.get(props);
  if (!mapper) {
    mapper = (row) => {
      const values = row as unknown[];
      const p: Props = { light: true };
      for (let i = 0; i < props.length; i++) p[props[i]!] = values[i];
      return toCodeModel(p);
    };
    rowMappers.set(props, mapper);
  }
  return mapper;
}
