import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import DataLoader from 'dataloader';
import { KeyedRow, keyedLoader, LoaderFamily, LoaderOptions } from '../../neo4j/keyed-loader';
import type { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { toSimpleTerm, toTermModel } from '../vocabulary/vocabulary.mapper';
import type { Alternative, TermModel } from '../vocabulary/vocabulary.type';
import { RiskFrequency, type CodeModel } from './code.type';
import { toCodeModel } from './code.mapper';

// Read once at start: a missing file stops the service before it serves.
const Q = {
  codes: cypherQuery('code/get-codes-by-ref'),
  details: cypherQuery('code/get-code-details-by-code-ref'),
  children: cypherQuery('code/get-children-by-code-ref'),
  ancestors: cypherQuery('code/get-ancestors-by-code-ref'),
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

/** Everything a code page links to (one batch query: get-code-details-by-code-ref). */
export interface CodeDetails {
  risks: CodeRiskModel[];
  indications: TermModel[];
  settings: TermModel[];
  personnel: TermModel[];
  bodyRegions: TermModel[];
  bodySystems: { key: string; name: string }[];
  equipment: { key: string; name: string }[];
  policies: TermModel[];
  alternatives: Alternative[];
  parent: CodeModel | null;
}

const EMPTY_DETAILS: CodeDetails = {
  risks: [],
  indications: [],
  settings: [],
  personnel: [],
  bodyRegions: [],
  bodySystems: [],
  equipment: [],
  policies: [],
  alternatives: [],
  parent: null,
};

function toDetails(x: Record<string, unknown[]>): CodeDetails {
  const list = (k: string) => (x[k] ?? []) as Record<string, unknown>[];
  return {
    risks: list('risks').map((r) => {
      const risk = toTermModel('Risk', r.term as Record<string, unknown>);
      return { risk, frequency: r.frequency === 'RARE' ? RiskFrequency.RARE : RiskFrequency.COMMON, text: (r.text as string | null) ?? risk.name };
    }),
    indications: list('indications').map((p) => toTermModel('Indication', p)),
    settings: list('settings').map((p) => toTermModel('Setting', p)),
    personnel: list('personnel').map((p) => toTermModel('PersonnelRole', p)),
    bodyRegions: list('bodyRegions').map((p) => toTermModel('BodyRegion', p)),
    bodySystems: list('bodySystems').map(toSimpleTerm),
    equipment: list('equipment').map(toSimpleTerm),
    policies: list('policies').map((p) => toTermModel('Policy', p)),
    alternatives: list('alternatives') as unknown as Alternative[],
    parent: list('parent').length ? toCodeModel(list('parent')[0]!) : null,
  };
}

/**
 * The next level a details batch can read with its relationship, when the request asks
 * for it (see get-code-details-by-code-ref.cypher); the loaders of that level are primed.
 */
export type DetailsDepth = 'risks.diagnosisCodes' | 'indications.diagnosisCodes' | 'bodyRegions.parent' | 'alternatives.code';

/** Seeds the next level's loaders from a details row, so their resolvers need no query. */
function primeNextLevel(raw: Record<string, unknown[]>, vocab: VocabularyLoaders, codeByRef: DataLoader<string, CodeModel[]>): void {
  const list = (k: string) => (raw[k] ?? []) as Record<string, unknown>[];
  const codes = (v: unknown): CodeModel[] | null => (Array.isArray(v) ? (v as Props[]).map((p) => toCodeModel(p)) : null);
  for (const r of list('risks')) {
    const found = codes(r.diagnosisCodes);
    if (found) vocab.diagnosisCodesByRiskKey.prime(String((r.term as Props).key), found);
  }
  for (const i of list('indications')) {
    const found = codes(i.diagnosisCodes);
    if (found) vocab.diagnosisCodesByIndicationKey.prime(String(i.key), found);
  }
  for (const b of list('bodyRegions')) {
    if (Array.isArray(b.parentRegions)) vocab.regionParentByKey.prime(String(b.key), (b.parentRegions as Props[]).map((p) => toTermModel('BodyRegion', p)));
  }
  for (const a of list('alternatives')) {
    // Whole nodes (not light rows): codeByRef is also where page text is read on demand.
    if (a.code && typeof a.codeRef === 'string') codeByRef.prime(a.codeRef, [toCodeModel(a.code as Props)]);
  }
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
export function createCodeLoaders(db: Database, opts: LoaderOptions, vocab: VocabularyLoaders) {
  const code = (p: Props) => toCodeModel(p);
  const codeByRef = keyedLoader(db, Q.codes, code, opts);
  // Keys are "<relationship>|<code ref>". Sibling fields of the codes at one level are
  // resolved in the same tick, so one batch holds every relationship asked for at that
  // level: one query reads just those relationships of all those codes.
  const details = new DataLoader<string, CodeDetails>(
    async (keys) => {
      const refs = [...new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)))];
      const fields = [...new Set(keys.map((k) => k.slice(0, k.indexOf('|'))))];
      const rows = await db.read<KeyedRow & Record<string, unknown>>(Q.details, { keys: refs, fields });
      for (const r of rows) if (r.items.length) primeNextLevel(r.items[0] as Record<string, unknown[]>, vocab, codeByRef);
      const byRef = new Map(rows.map((r) => [r.key, r.items.length ? toDetails(r.items[0] as Record<string, unknown[]>) : EMPTY_DETAILS]));
      return keys.map((k) => byRef.get(k.slice(k.indexOf('|') + 1)) ?? EMPTY_DETAILS);
    },
    { batch: opts.batch, maxBatchSize: 1000 },
  );
  return {
    codeByRef,
    /**
     * One relationship of a code's page links; EMPTY_DETAILS for a code that does not exist.
     * `deeper` names next levels to read in the same batch (their loaders are primed).
     */
    detailsByCodeRef: {
      load: <K extends keyof CodeDetails>(ref: string, field: K, deeper: readonly DetailsDepth[] = []): Promise<CodeDetails[K]> => {
        // Same batch, same row: only the field's own promise carries errors to the caller.
        // Without batching (benchmark contender) each key is its own query: nothing to share.
        if (opts.batch) for (const d of deeper) details.load(`${d}|${ref}`).catch(() => undefined);
        return details.load(`${field}|${ref}`).then((d) => d[field]);
      },
    },
    childrenByCodeRef: keyedLoader(db, Q.children, code, opts),
    ancestorsByCodeRef: keyedLoader(db, Q.ancestors, code, opts),
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
