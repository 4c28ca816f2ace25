import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import DataLoader from 'dataloader';
import { KeyedRow, keyedLoader, LoaderOptions } from '../../neo4j/keyed-loader';
import { buildCodePageQuery, type CodePagePlan } from './code-page.query';
import type { Params } from '../../neo4j/database';
import { STORED_LIST_SIZE } from '../../ingest/store/code-lists.store';
import type { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { toSimpleTerm, toTermModel } from '../vocabulary/vocabulary.mapper';
import type { TermModel } from '../vocabulary/vocabulary.type';
import type { Alternative } from './code-relations.type';
import { RiskFrequency, type CodeModel } from './code.type';
import { lightRowMapper, toCodeModel } from './code.mapper';
import { FULL_PROJECTION } from './code-page.fields';

// Read once at start: a missing file stops the service before it serves.
const Q = {
  codes: cypherQuery('code/get-codes-by-ref'),
  details: cypherQuery('code/get-code-details-by-code-ref'),
  children: cypherQuery('code/get-children-by-code-ref'),
  ancestors: cypherQuery('code/get-ancestors-by-code-ref'),
  similar: cypherQuery('code/get-similar-codes-by-code-ref'),
  sharingRisks: cypherQuery('code/get-codes-sharing-risks-by-code-ref'),
  computeSimilar: cypherQuery('code/reference/compute-similar-codes-by-code-ref'),
  computeSharingRisks: cypherQuery('code/reference/compute-codes-sharing-risks-by-code-ref'),
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

/** Maps a code row: a map (toCodeModel) or, from the code-page statement, a positional light row (lightRowMapper). */
type CodeRowMapper = (row: unknown) => CodeModel;
const mapRow: CodeRowMapper = (row) => toCodeModel(row as Record<string, unknown>);

function toDetails(x: Record<string, unknown[]>, code: CodeRowMapper = mapRow): CodeDetails {
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
    parent: list('parent').length ? code(list('parent')[0]!) : null,
  };
}

/**
 * The next level a details batch can read with its relationship, when the request asks
 * for it (see get-code-details-by-code-ref.cypher); the loaders of that level are primed.
 */
export type DetailsDepth = 'risks.diagnosisCodes' | 'indications.diagnosisCodes' | 'bodyRegions.parent' | 'alternatives.code';

/** Seeds the next level's loaders from a details row, so their resolvers need no query. */
function primeNextLevel(raw: Record<string, unknown[]>, vocab: VocabularyLoaders, codeByRef: DataLoader<string, CodeModel[]>, code: CodeRowMapper = mapRow): void {
  const list = (k: string) => (raw[k] ?? []) as Record<string, unknown>[];
  const codes = (v: unknown): CodeModel[] | null => (Array.isArray(v) ? v.map((p) => code(p)) : null);
  for (const r of list('risks')) {
    const found = codes(r.diagnosisCodes);
    if (found) vocab.diagnosisCodesByRiskKey.prime(String((r.term as Props).key), found);
  }
  for (const i of list('indications')) {
    const found = codes(i.diagnosisCodes);
    if (found) vocab.diagnosisCodesByIndicationKey.prime(String(i.key), found);
  }
  for (const b of list('bodyRegions')) {
    if (Array.isArray(b.parentRegions))
      vocab.regionParentByKey.prime(
        String(b.key),
        (b.parentRegions as Props[]).map((p) => toTermModel('BodyRegion', p)),
      );
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
const terms = (t: TermModel['nodeType'], v: unknown): TermModel[] => (Array.isArray(v) ? v.filter((x): x is Props => x !== null).map((x) => toTermModel(t, x)) : []);

export function toSimilarCode(x: Props, code: CodeRowMapper = mapRow): SimilarCodeModel {
  return {
    code: code(x.code),
    score: Number(x.score),
    listed: x.listed === true,
    hierarchyDistance: typeof x.hierarchyDistance === 'number' ? x.hierarchyDistance : null,
    sharedRisks: terms('Risk', x.sharedRisks),
    sharedBodyRegions: terms('BodyRegion', x.sharedBodyRegions),
    sharedPersonnel: terms('PersonnelRole', x.sharedPersonnel),
    sharedSettings: terms('Setting', x.sharedSettings),
  };
}

export function toSharedRiskMatch(x: Props, code: CodeRowMapper = mapRow): SharedRiskMatchModel {
  return { code: code(x.code), sharedRisks: terms('Risk', x.sharedRisks) };
}

/**
 * Seeds the walk below a page's risks from a code-page row: each risk's page of codes (the
 * vocabulary loader family, keyed by the resolver's arguments) and, when read, those codes'
 * body regions (the details loader, field `bodyRegions` only).
 */
function primeRiskCodes(raw: Record<string, unknown[]>, plan: CodePagePlan, vocab: VocabularyLoaders, primeDetails: (key: string, value: CodeDetails) => void, code: CodeRowMapper): void {
  for (const r of (raw.risks ?? []) as Props[]) {
    const key = String((r.term as Props).key);
    const pages = (r.codes ?? []) as { total: number; page: { code: unknown; bodyRegions: Props[] | null }[] }[];
    plan.riskCodes.forEach((args, i) => {
      const p = pages[i];
      if (!p) return;
      const models = p.page.map((x) => code(x.code));
      vocab.codesByRiskKey.prime(key, { ...args }, [{ total: Number(p.total), page: models }]);
      if (plan.riskCodesRegions) {
        p.page.forEach((x, j) => {
          primeDetails(`bodyRegions|${models[j]!.ref}`, { ...EMPTY_DETAILS, bodyRegions: (x.bodyRegions ?? []).map((b) => toTermModel('BodyRegion', b)) });
        });
      }
    });
  }
}

/** One row of the code-page statement (buildCodePageQuery). */
interface PageRow {
  code: Props;
  details: Record<string, unknown[]>;
  ancestors: unknown[] | null;
  children: unknown[] | null;
  similar: (Props[] | null)[];
  sharing: (Props[] | null)[];
}

/**
 * Loaders that take arguments (like LoaderFamily: one DataLoader per distinct argument set,
 * keyed by their JSON), which the code-page statement can prime. Lives for one request.
 */
class ListFamily<T> {
  private readonly loaders = new Map<string, DataLoader<string, T[]>>();

  constructor(private readonly create: (args: Params) => DataLoader<string, T[]>) {}

  private loader(args: Params): DataLoader<string, T[]> {
    const id = JSON.stringify(args);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.create(args);
      this.loaders.set(id, loader);
    }
    return loader;
  }

  load(key: string, args: Params): Promise<T[]> {
    return this.loader(args).load(key);
  }

  prime(key: string, args: Params, value: T[]): void {
    this.loader(args).prime(key, value);
  }
}

/**
 * A per-request loader of a list the import stores (similar codes, codes sharing risks):
 * one batch query reads the stored edges; keys of codes whose lists were never computed
 * (`stored: false`, no page import touched them: their lists come from the hierarchy alone
 * and are cheap to compute) and requests for more than the stored 100 go to the reference
 * computation, in one more batch query. Either way the answer is the reference's.
 */
function storedListLoader<T>(db: Database, storedQuery: string, referenceQuery: string, map: (x: Props) => T, opts: LoaderOptions, args: Params): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const byKey = new Map<string, T[]>();
      let missing: string[] = [...keys];
      if (Number(args.first) <= STORED_LIST_SIZE) {
        const rows = await db.read<KeyedRow & { stored: boolean }>(storedQuery, { ...args, keys: [...keys] });
        for (const r of rows) if (r.stored) byKey.set(r.key, (r.items as Props[]).map(map));
        missing = keys.filter((k) => !byKey.has(k));
      }
      if (missing.length > 0) {
        const rows = await db.read<KeyedRow>(referenceQuery, { ...args, keys: missing });
        for (const r of rows) byKey.set(r.key, ((r.items ?? []) as Props[]).map(map));
      }
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { batch: opts.batch, maxBatchSize: 1000 },
  );
}

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
  // What the code-page statement read, by the same keys as `details`: field resolvers take it
  // synchronously (no promise per field: graphql-js then completes the object without awaiting).
  // The DataLoader itself is primed from here only when a load falls through to it (a level the
  // statement did not read), instead of a settled promise per primed key.
  const primedDetails = new Map<string, CodeDetails>();
  const primeDetails = (key: string, value: CodeDetails) => {
    if (!primedDetails.has(key)) primedDetails.set(key, value);
  };
  const loadDetails = (key: string) => {
    const primed = primedDetails.get(key);
    if (primed) details.prime(key, primed);
    return details.load(key);
  };
  const childrenByCodeRef = keyedLoader(db, Q.children, code, opts);
  const ancestorsByCodeRef = keyedLoader(db, Q.ancestors, code, opts);
  const similar = new ListFamily<SimilarCodeModel>((args) => storedListLoader(db, Q.similar, Q.computeSimilar, (x) => toSimilarCode(x), opts, args));
  const sharing = new ListFamily<SharedRiskMatchModel>((args) => storedListLoader(db, Q.sharingRisks, Q.computeSharingRisks, (x) => toSharedRiskMatch(x), opts, args));
  return {
    /** Whether Query.code reads a page in one statement (loadPage); off with batching off (benchmark contender). */
    compilesPages: opts.batch,
    codeByRef,
    /**
     * One relationship of a code's page links; EMPTY_DETAILS for a code that does not exist.
     * `deeper` names next levels to read in the same batch (their loaders are primed).
     */
    detailsByCodeRef: {
      load: <K extends keyof CodeDetails>(ref: string, field: K, deeper: readonly DetailsDepth[] = []): CodeDetails[K] | Promise<CodeDetails[K]> => {
        const primed = primedDetails.get(`${field}|${ref}`);
        if (primed && deeper.every((d) => primedDetails.has(`${d}|${ref}`))) return primed[field];
        // Same batch, same row: only the field's own promise carries errors to the caller.
        // Without batching (benchmark contender) each key is its own query: nothing to share.
        if (opts.batch) for (const d of deeper) loadDetails(`${d}|${ref}`).catch(() => undefined);
        return loadDetails(`${field}|${ref}`).then((d) => d[field]);
      },
    },
    childrenByCodeRef,
    ancestorsByCodeRef,
    similarCodesByCodeRef: similar,
    codesSharingRisksByCodeRef: sharing,
    /**
     * Runs the code page of `ref` as ONE statement (code-page.query.ts, built from `plan`) and
     * primes every loader the resolvers below Query.code will call with what it read, so they
     * issue no query. Returns the code (null when absent). Errors as Database.read.
     */
    async loadPage(ref: string, plan: CodePagePlan): Promise<CodeModel | null> {
      const [system, codeKey] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
      const { cypher, params } = buildCodePageQuery(plan, system, codeKey, opts.hubDegree);
      const [row] = await db.read<PageRow>(cypher, params);
      if (!row) {
        codeByRef.prime(ref, []);
        return null;
      }
      const model = toCodeModel(row.code);
      codeByRef.prime(ref, [model]);
      // Light code rows of the statement are positional lists in the plan's projection order.
      const light = lightRowMapper((plan.projection ?? FULL_PROJECTION).lightCode);
      const raw = row.details;
      primeNextLevel(raw, vocab, codeByRef, light);
      if (plan.riskCodes.length > 0) primeRiskCodes(raw, plan, vocab, primeDetails, light);
      const d = toDetails(raw, light);
      for (const k of [...plan.links, ...plan.depths]) primeDetails(`${k}|${ref}`, d);
      if (row.ancestors) ancestorsByCodeRef.prime(ref, row.ancestors.map(light));
      if (row.children) childrenByCodeRef.prime(ref, row.children.map(light));
      const similarRow = (x: Props) => toSimilarCode(x, light);
      const sharingRow = (x: Props) => toSharedRiskMatch(x, light);
      plan.similar.forEach((args, i) => {
        const items = row.similar[i];
        if (items) similar.prime(ref, args, items.map(similarRow));
      });
      plan.sharing.forEach((args, i) => {
        const items = row.sharing[i];
        if (items) sharing.prime(ref, args, items.map(sharingRow));
      });
      return model;
    },
  };
}

export type CodeLoaders = ReturnType<typeof createCodeLoaders>;
