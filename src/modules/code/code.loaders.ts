import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { keyedLoader, LoaderFamily, LoaderOptions } from '../../neo4j/keyed-loader';
import { toSimpleTerm, toTermModel } from '../vocabulary/vocabulary.mapper';
import type { Alternative, TermModel } from '../vocabulary/vocabulary.type';
import { RiskFrequency, type CodeModel } from './code.type';
import { toCodeModel } from './code.mapper';

// Read once at start: a missing file stops the service before it serves.
const Q = {
  codes: cypherQuery('code/get-codes-by-ref'),
  parent: cypherQuery('code/get-parent-by-code-ref'),
  children: cypherQuery('code/get-children-by-code-ref'),
  ancestors: cypherQuery('code/get-ancestors-by-code-ref'),
  risks: cypherQuery('code/get-risks-by-code-ref'),
  indications: cypherQuery('code/get-indications-by-code-ref'),
  settings: cypherQuery('code/get-settings-by-code-ref'),
  personnel: cypherQuery('code/get-personnel-by-code-ref'),
  bodyRegions: cypherQuery('code/get-body-regions-by-code-ref'),
  bodySystems: cypherQuery('code/get-body-systems-by-code-ref'),
  equipment: cypherQuery('code/get-equipment-by-code-ref'),
  policies: cypherQuery('code/get-policies-by-code-ref'),
  alternatives: cypherQuery('code/get-alternatives-by-code-ref'),
  similar: cypherQuery('code/get-similar-codes-by-code-ref'),
  sharingRisks: cypherQuery('code/get-codes-sharing-risks-by-code-ref'),
};

export interface CodeRiskModel {
  risk: TermModel;
  frequency: RiskFrequency;
  text: string;
}

export interface SimilarCodeModel {
  code: CodeModel;
  score: number;
  listed: boolean;
  hierarchyDistance: number | null;
  sharedRisks: TermModel[];
  sharedBodyRegions: TermModel[];
  sharedPersonnel: TermModel[];
  sharedSettings: TermModel[];
}

export interface SharedRiskMatchModel {
  code: CodeModel;
  sharedRisks: TermModel[];
}

type Props = Record<string, unknown>;
const terms = (t: TermModel['nodeType'], v: unknown): TermModel[] =>
  Array.isArray(v) ? v.filter((x): x is Props => x !== null).map((x) => toTermModel(t, x)) : [];

/**
 * Loaders for the Code type's relationships; keys are code refs ("SYSTEM:codeKey").
 * Created per request (DataLoader caches must not outlive a request).
 */
export function createCodeLoaders(db: Database, opts: LoaderOptions) {
  const code = (p: Props) => toCodeModel(p);
  return {
    codeByRef: keyedLoader(db, Q.codes, code, opts),
    parentByCodeRef: keyedLoader(db, Q.parent, code, opts),
    childrenByCodeRef: keyedLoader(db, Q.children, code, opts),
    ancestorsByCodeRef: keyedLoader(db, Q.ancestors, code, opts),
    risksByCodeRef: keyedLoader(
      db,
      Q.risks,
      (x: { term: Props; frequency: string; text: string | null }): CodeRiskModel => {
        const risk = toTermModel('Risk', x.term);
        return { risk, frequency: x.frequency === 'RARE' ? RiskFrequency.RARE : RiskFrequency.COMMON, text: x.text ?? risk.name };
      },
      opts,
    ),
    indicationsByCodeRef: keyedLoader(db, Q.indications, (p: Props) => toTermModel('Indication', p), opts),
    settingsByCodeRef: keyedLoader(db, Q.settings, (p: Props) => toTermModel('Setting', p), opts),
    personnelByCodeRef: keyedLoader(db, Q.personnel, (p: Props) => toTermModel('PersonnelRole', p), opts),
    bodyRegionsByCodeRef: keyedLoader(db, Q.bodyRegions, (p: Props) => toTermModel('BodyRegion', p), opts),
    bodySystemsByCodeRef: keyedLoader(db, Q.bodySystems, toSimpleTerm, opts),
    equipmentByCodeRef: keyedLoader(db, Q.equipment, toSimpleTerm, opts),
    policiesByCodeRef: keyedLoader(db, Q.policies, (p: Props) => toTermModel('Policy', p), opts),
    alternativesByCodeRef: keyedLoader(db, Q.alternatives, (x: Alternative) => x, opts),
    similarCodesByCodeRef: new LoaderFamily<SimilarCodeModel>((args) =>
      keyedLoader(
        db,
        Q.similar,
        (x: Props): SimilarCodeModel => ({
          code: toCodeModel(x.code as Props),
          score: Number(x.score),
          listed: x.listed === true,
          hierarchyDistance: typeof x.hierarchyDistance === 'number' ? x.hierarchyDistance : null,
          sharedRisks: terms('Risk', x.sharedRisks),
          sharedBodyRegions: terms('BodyRegion', x.sharedBodyRegions),
          sharedPersonnel: terms('PersonnelRole', x.sharedPersonnel),
          sharedSettings: terms('Setting', x.sharedSettings),
        }),
        opts,
        args,
      ),
    ),
    codesSharingRisksByCodeRef: new LoaderFamily<SharedRiskMatchModel>((args) =>
      keyedLoader(
        db,
        Q.sharingRisks,
        (x: Props): SharedRiskMatchModel => ({ code: toCodeModel(x.code as Props), sharedRisks: terms('Risk', x.sharedRisks) }),
        opts,
        args,
      ),
    ),
  };
}

export type CodeLoaders = ReturnType<typeof createCodeLoaders>;
