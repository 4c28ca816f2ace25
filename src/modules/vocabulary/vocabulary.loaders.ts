import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { keyedLoader, LoaderFamily, LoaderOptions } from '../../neo4j/keyed-loader';
import { toCodeModel } from '../code/code.mapper';
import type { CodeModel } from '../code/code.type';
import { toTermModel } from './vocabulary.mapper';
import type { TermModel } from './vocabulary.type';

const Q = {
  risks: cypherQuery('vocabulary/get-risks-by-key'),
  bodyRegions: cypherQuery('vocabulary/get-body-regions-by-key'),
  personnelRoles: cypherQuery('vocabulary/get-personnel-roles-by-key'),
  settings: cypherQuery('vocabulary/get-settings-by-key'),
  indications: cypherQuery('vocabulary/get-indications-by-key'),
  policies: cypherQuery('vocabulary/get-policies-by-key'),
  regionChildren: cypherQuery('vocabulary/get-region-children-by-key'),
  regionParent: cypherQuery('vocabulary/get-region-parent-by-key'),
  riskDiagnoses: cypherQuery('vocabulary/get-diagnosis-codes-by-risk-key'),
  indicationDiagnoses: cypherQuery('vocabulary/get-diagnosis-codes-by-indication-key'),
  codesByRisk: cypherQuery('vocabulary/get-codes-by-risk-key'),
  codesByRegion: cypherQuery('vocabulary/get-codes-by-body-region-key'),
  codesByRole: cypherQuery('vocabulary/get-codes-by-personnel-role-key'),
  codesBySetting: cypherQuery('vocabulary/get-codes-by-setting-key'),
  codesByPolicy: cypherQuery('vocabulary/get-codes-by-policy-key'),
};

/** One page of a code list plus the size of the whole list. */
export interface CodePage {
  total: number;
  page: CodeModel[];
}

type Props = Record<string, unknown>;
const toCodePage = (x: { total: number; page: Props[] }): CodePage => ({ total: Number(x.total), page: x.page.map(toCodeModel) });

/** Loaders keyed by vocabulary key; per request. */
export function createVocabularyLoaders(db: Database, opts: LoaderOptions) {
  const term = (t: TermModel['nodeType']) => (p: Props) => toTermModel(t, p);
  const codePages = (cypher: string) => new LoaderFamily<CodePage>((args) => keyedLoader(db, cypher, toCodePage, opts, { ...args, hubDegree: opts.hubDegree }));
  return {
    riskByKey: keyedLoader(db, Q.risks, term('Risk'), opts),
    bodyRegionByKey: keyedLoader(db, Q.bodyRegions, term('BodyRegion'), opts),
    personnelRoleByKey: keyedLoader(db, Q.personnelRoles, term('PersonnelRole'), opts),
    settingByKey: keyedLoader(db, Q.settings, term('Setting'), opts),
    indicationByKey: keyedLoader(db, Q.indications, term('Indication'), opts),
    policyByKey: keyedLoader(db, Q.policies, term('Policy'), opts),
    regionChildrenByKey: keyedLoader(db, Q.regionChildren, term('BodyRegion'), opts),
    regionParentByKey: keyedLoader(db, Q.regionParent, term('BodyRegion'), opts),
    diagnosisCodesByRiskKey: keyedLoader(db, Q.riskDiagnoses, toCodeModel, opts),
    diagnosisCodesByIndicationKey: keyedLoader(db, Q.indicationDiagnoses, toCodeModel, opts),
    codesByRiskKey: codePages(Q.codesByRisk),
    codesByBodyRegionKey: codePages(Q.codesByRegion),
    codesByPersonnelRoleKey: codePages(Q.codesByRole),
    codesBySettingKey: codePages(Q.codesBySetting),
    codesByPolicyKey: codePages(Q.codesByPolicy),
  };
}

export type VocabularyLoaders = ReturnType<typeof createVocabularyLoaders>;
