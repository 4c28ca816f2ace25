/**
 * The one query builder of the API: a code page (Query.code with what the request selects
 * below it) as ONE Cypher statement. The string is assembled only from the fixed fragments
 * below, chosen by which fields the GraphQL selection names; every value (system, code, list
 * sizes) is a parameter. No user text ever reaches the string: field names only pick
 * fragments, and argument values become `$similarFirst0`-style parameters.
 *
 * The fragments are the statements of cypher/queries/code/ (details, ancestors, children,
 * stored similar codes and codes sharing risks) with `c` bound once; their rows have the same
 * shape, except that light code rows are positional lists (LIGHT below), so the same mappers
 * read them and the per-request loaders are primed with them (CodeLoaders.loadPage): the
 * resolvers run as before and find their data cached.
 */
import { FULL_PROJECTION, type PageProjection, type TermType } from './code-page.fields';

/** Page links the statement can read (CodeDetails keys). */
export const PAGE_LINKS = ['risks', 'indications', 'settings', 'personnel', 'bodyRegions', 'bodySystems', 'equipment', 'policies', 'alternatives', 'parent'] as const;
export type PageLink = (typeof PAGE_LINKS)[number];

/** Levels below a page link read with it (same names as the details loader's DetailsDepth). */
export const PAGE_DEPTHS = ['risks.diagnosisCodes', 'indications.diagnosisCodes', 'bodyRegions.parent', 'alternatives.code'] as const;
export type PageDepth = (typeof PAGE_DEPTHS)[number];

/** What one code-page statement reads, from the selection (planCodePage in code-page.plan.ts). */
export interface CodePagePlan {
  links: PageLink[];
  depths: PageDepth[];
  ancestors: boolean;
  children: boolean;
  /** Distinct argument sets of similarCodes (aliases may ask for several). */
  similar: { first: number }[];
  /** Distinct argument sets of codesSharingRisks. */
  sharing: { first: number; minShared: number }[];
  /** Distinct argument sets of `risks { risk { codes(...) } }` (the walk): a page of each risk's codes. */
  riskCodes: RiskCodesArgs[];
  /** Whether those codes' body regions are asked for (`codes { edges { node { bodyRegions } } }`). */
  riskCodesRegions: boolean;
  /** Which properties to return (code-page.fields.ts); every property when absent. */
  projection?: PageProjection;
}

/** Arguments of Risk.codes as its resolver passes them to the loader (same key order). */
export interface RiskCodesArgs {
  skip: number;
  first: number;
  frequency: string | null;
}

/**
 * The projections of the statement being built (set by buildCodePageQuery for the duration of
 * one synchronous build; the fragments below read it): only the properties the operation's
 * fields read (code-page.fields.ts), instead of whole node maps.
 */
let pr: PageProjection = FULL_PROJECTION;
const props = (list: readonly string[]) => list.map((p) => `.${p}`).join(', ');
/**
 * A light code row as a list, `[v.system, v.codeKey, ...]` in the order of `pr.lightCode`
 * (mapped back by lightRowMapper, code.mapper.ts): a page reads up to a few hundred of them, and
 * a list travels and decodes without a key string per property (Bolt repeats and the driver
 * decodes every key of every map; on the W1 page this was a third of the client's decoding).
 */
const LIGHT = (v: string) => `[${pr.lightCode.map((p) => `${v}.${p}`).join(', ')}]`;
const FULL = (v: string) => `${v} {${props(pr.fullCode)}}`;
const TERM = (v: string, type: TermType, extra = '') => `${v} {${props(pr.term[type])}${extra}}`;

const dx = (on: boolean, term: string) => (on ? `COLLECT { MATCH (${term})-[:CODED_AS]->(d:Code) WITH d ORDER BY d.sortKey RETURN ${LIGHT('d')} }` : 'null');

/**
 * Page `i` of a risk's codes, as cypher/queries/vocabulary/get-codes-by-risk-key.cypher reads
 * it (top-k sort below $hubDegree codes, the code_list_key index walk above), with `t` and its
 * `degree` bound: a list in code order. One COLLECT subquery per branch, chosen by CASE (the
 * floor's plan shape, bench/workloads/w4-walk.cypher), rather than a CALL with a UNION and a
 * second sort of the rows: 4.6% fewer db hits on the 35 pages, same rows.
 */
const RISK_CODES_PAGE = (i: number, regions: boolean) => {
  const row = `RETURN {code: ${LIGHT('k')}, bodyRegions: ${regions ? `COLLECT { MATCH (k)-[y:TARGETS]->(b:BodyRegion) WITH y, b ORDER BY y.rank RETURN ${TERM('b', 'BodyRegion')} }` : 'null'}}`;
  const frequency = `$riskCodesFrequency${i} IS NULL OR x.frequency = $riskCodesFrequency${i}`;
  const window = `SKIP $riskCodesSkip${i} LIMIT $riskCodesFirst${i}`;
  return (
    `CASE WHEN degree <= $hubDegree THEN COLLECT { MATCH (t)<-[x:HAS_RISK]-(k:Code) WHERE ${frequency} WITH k ORDER BY k.system, k.sortKey ${window} ${row} } ` +
    `ELSE COLLECT { MATCH (k:Code) WHERE k.listKey >= '' AND EXISTS { (k)-[x:HAS_RISK]->(t) WHERE ${frequency} } WITH k ORDER BY k.listKey ${window} WITH k ORDER BY k.system, k.sortKey ${row} } END`
  );
};

const RISK_CODES_TOTAL = (i: number) =>
  `{total: CASE WHEN $riskCodesFrequency${i} IS NULL THEN degree ELSE COUNT { (t)<-[x:HAS_RISK]-(:Code) WHERE x.frequency = $riskCodesFrequency${i} } END, page: codes${i}}`;

/**
 * The risks with a page of each one's codes: a CALL with `c` imported explicitly (inside a
 * COLLECT subquery the planner treats `c` as a grouping key of the inner aggregations and
 * refuses the statement). Row per risk in page order, collected as `walkRisks`.
 */
const WALK_RISKS = (d: ReadonlySet<PageDepth>, plan: CodePagePlan) =>
  `CALL (c) { MATCH (c)-[r:HAS_RISK]->(t:Risk) WITH r, t, COUNT { (t)<-[:HAS_RISK]-() } AS degree ` +
  `WITH r, t, degree, ${plan.riskCodes.map((_, i) => `${RISK_CODES_PAGE(i, plan.riskCodesRegions)} AS codes${i}`).join(', ')} ORDER BY r.rank` +
  ` RETURN collect({term: ${TERM('t', 'Risk')}, frequency: r.frequency, text: r.text, diagnosisCodes: ${dx(d.has('risks.diagnosisCodes'), 't')}, ` +
  `codes: [${plan.riskCodes.map((_, i) => RISK_CODES_TOTAL(i)).join(', ')}]}) AS walkRisks }`;

const LINK_FRAGMENT: Record<PageLink, (depths: ReadonlySet<PageDepth>, plan: CodePagePlan) => string> = {
  // With a walk below the risks, they are read by WALK_RISKS (a CALL before RETURN) instead.
  risks: (d, plan) =>
    plan.riskCodes.length === 0
      ? `COLLECT { MATCH (c)-[r:HAS_RISK]->(t:Risk) WITH r, t ORDER BY r.rank RETURN {term: ${TERM('t', 'Risk')}, frequency: r.frequency, text: r.text, diagnosisCodes: ${dx(d.has('risks.diagnosisCodes'), 't')}} }`
      : 'walkRisks',
  indications: (d) =>
    `COLLECT { MATCH (c)-[r:INDICATED_FOR]->(t:Indication) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'Indication', `, diagnosisCodes: ${dx(d.has('indications.diagnosisCodes'), 't')}`)} }`,
  settings: () => `COLLECT { MATCH (c)-[r:PERFORMED_IN]->(t:Setting) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'Setting')} }`,
  personnel: () => `COLLECT { MATCH (c)-[r:PERFORMED_BY]->(t:PersonnelRole) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'PersonnelRole')} }`,
  bodyRegions: (d) =>
    `COLLECT { MATCH (c)-[r:TARGETS]->(t:BodyRegion) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'BodyRegion', `, parentRegions: ${d.has('bodyRegions.parent') ? `COLLECT { MATCH (t)-[:PART_OF]->(up:BodyRegion) RETURN ${TERM('up', 'BodyRegion')} }` : 'null'}`)} }`,
  bodySystems: () => `COLLECT { MATCH (c)-[r:INVOLVES]->(t:BodySystem) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'BodySystem')} }`,
  equipment: () => `COLLECT { MATCH (c)-[r:USES_EQUIPMENT]->(t:Equipment) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'Equipment')} }`,
  policies: () => `COLLECT { MATCH (c)-[r:COVERED_BY]->(t:Policy) WITH r, t ORDER BY r.rank RETURN ${TERM('t', 'Policy')} }`,
  alternatives: (d) =>
    'COLLECT { MATCH (c)-[r:HAS_ALTERNATIVE]->(t:Alternative) ' +
    'WITH r, t, COLLECT { MATCH (t)-[:CODED_AS]->(x:Code) RETURN x ORDER BY x.system, x.codeKey }[0] AS ac ORDER BY r.rank ' +
    "RETURN {key: t.key, name: t.name, description: r.description, codeRef: CASE WHEN ac IS NULL THEN null ELSE ac.system + ':' + ac.codeKey END, " +
    `code: ${d.has('alternatives.code') ? `CASE WHEN ac IS NULL THEN null ELSE ${FULL('ac')} END` : 'null'}} }`,
  parent: () => `COLLECT { MATCH (c)-[:PARENT]->(x:Code) RETURN ${LIGHT('x')} }`,
};

const ANCESTORS = () => `COLLECT { MATCH path = (c)-[:PARENT*1..12]->(a:Code) WITH a, length(path) AS d ORDER BY d DESC RETURN ${LIGHT('a')} }`;
const CHILDREN = () => `COLLECT { MATCH (c)<-[:PARENT]-(child:Code) WITH child ORDER BY child.sortKey RETURN ${LIGHT('child')} }`;
const terms = (label: TermType, prop: string, asked = true) => (asked ? `[k IN s.${prop} | COLLECT { MATCH (r:${label} {key: k}) RETURN ${TERM('r', label)} }[0]]` : '[]');
const SIMILAR = (i: number) =>
  `CASE WHEN c.similarStored = true THEN COLLECT { MATCH (c)-[s:SCORED_SIMILAR]->(b:Code) WITH s, b ORDER BY s.rank LIMIT $similarFirst${i} ` +
  `RETURN {code: ${LIGHT('b')}, score: s.score, listed: s.listed, hierarchyDistance: s.hierarchyDistance, ` +
  `sharedRisks: ${terms('Risk', 'sharedRisks', pr.similarLists.sharedRisks)}, sharedBodyRegions: ${terms('BodyRegion', 'sharedBodyRegions', pr.similarLists.sharedBodyRegions)}, ` +
  `sharedPersonnel: ${terms('PersonnelRole', 'sharedPersonnel', pr.similarLists.sharedPersonnel)}, sharedSettings: ${terms('Setting', 'sharedSettings', pr.similarLists.sharedSettings)}} } ELSE null END`;
const SHARING = (i: number) =>
  `CASE WHEN c.similarStored = true THEN COLLECT { MATCH (c)-[s:SHARES_RISKS]->(b:Code) WHERE size(s.sharedRisks) >= $sharingMin${i} ` +
  `WITH s, b ORDER BY s.rank LIMIT $sharingFirst${i} RETURN {code: ${LIGHT('b')}, sharedRisks: ${terms('Risk', 'sharedRisks')}} } ELSE null END`;

/**
 * The statement and its parameters for one code (`system`, `codeKey` already validated by the
 * resolver; `hubDegree` is LIST_HUB_DEGREE, as the vocabulary loaders use it). Returns one row `{code, details, ancestors, children, similar, sharing}` when the
 * code exists, none otherwise; `similar[i]` / `sharing[i]` are null when the code's lists are
 * not stored (the loaders then compute them), `details` holds only the planned links.
 */
export function buildCodePageQuery(plan: CodePagePlan, system: string, codeKey: string, hubDegree = 20000): { cypher: string; params: Record<string, unknown> } {
  // The text depends on the plan only (plans are kept per document: code-page.plan.ts).
  let cypher = statements.get(plan);
  if (cypher === undefined) {
    pr = plan.projection ?? FULL_PROJECTION;
    try {
      cypher = statement(plan);
    } finally {
      pr = FULL_PROJECTION;
    }
    statements.set(plan, cypher);
  }
  return { cypher, params: parameters(plan, system, codeKey, hubDegree) };
}

const statements = new WeakMap<CodePagePlan, string>();

function parameters(plan: CodePagePlan, system: string, codeKey: string, hubDegree: number): Record<string, unknown> {
  const params: Record<string, unknown> = { system, codeKey };
  plan.similar.forEach((a, i) => (params[`similarFirst${i}`] = a.first));
  plan.sharing.forEach((a, i) => {
    params[`sharingFirst${i}`] = a.first;
    params[`sharingMin${i}`] = a.minShared;
  });
  if (plan.riskCodes.length > 0 && plan.links.includes('risks')) {
    // (same condition as `walk` in statement())
    params.hubDegree = hubDegree;
    plan.riskCodes.forEach((a, i) => {
      params[`riskCodesSkip${i}`] = a.skip;
      params[`riskCodesFirst${i}`] = a.first;
      params[`riskCodesFrequency${i}`] = a.frequency;
    });
  }
  return params;
}

function statement(plan: CodePagePlan): string {
  const depths = new Set(plan.depths);
  const details = plan.links.map((l) => `${l}: ${LINK_FRAGMENT[l](depths, plan)}`).join(',\n    ');
  const walk = plan.riskCodes.length > 0 && plan.links.includes('risks');
  return [
    'MATCH (c:Code {system: $system, codeKey: $codeKey})',
    ...(walk ? [WALK_RISKS(depths, plan)] : []),
    `RETURN ${FULL('c')} AS code,`,
    `  {\n    ${details}\n  } AS details,`,
    `  ${plan.ancestors ? ANCESTORS() : 'null'} AS ancestors,`,
    `  ${plan.children ? CHILDREN() : 'null'} AS children,`,
    `  [${plan.similar.map((_, i) => SIMILAR(i)).join(', ')}] AS similar,`,
    `  [${plan.sharing.map((_, i) => SHARING(i)).join(', ')}] AS sharing`,
  ].join('\n');
}
