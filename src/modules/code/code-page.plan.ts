import { FieldNode, getArgumentValues, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { childFields, fieldsAtPath, selects } from '../common/selection';
import { listSize, pageWindow } from '../common/pagination';
import { variablesKey } from '../common/variables-key';
import { STORED_LIST_SIZE } from '../../ingest/store/code-lists.store';
import { operationFields, pageProjection } from './code-page.fields';
import { CodePagePlan, PAGE_LINKS, PageDepth, RiskCodesArgs } from './code-page.query';

/** Which level below a link the request asks for, as a path from Query.code. */
const DEPTH_PATHS: Record<PageDepth, readonly string[]> = {
  'risks.diagnosisCodes': ['risks', 'risk', 'diagnosisCodes'],
  'indications.diagnosisCodes': ['indications', 'diagnosisCodes'],
  'bodyRegions.parent': ['bodyRegions', 'parent'],
  'alternatives.code': ['alternatives', 'code'],
};

/**
 * What the code-page statement should read for the request being resolved at Query.code:
 * the page links, levels and lists its selection names (the same look-ahead the resolvers use,
 * so what is read is exactly what they will ask the loaders for). List arguments are read as
 * the resolvers read them (variables applied, defaults, `listSize`); an argument set that is
 * invalid, or asks for more than the stored lists hold, is left to the resolver (which then
 * reports the error or computes the list). Returns null when the selection names no
 * relationship at all (a plain lookup stays a batched codeByRef load).
 */
export function planCodePage(info: GraphQLResolveInfo): CodePagePlan | null {
  // A plan depends on the document and the variables only: kept per Query.code field node
  // (reused by every request of a cached document) and variables, at most PLANS_PER_NODE each;
  // large variables (variablesKey null) are planned each time.
  const key = variablesKey(info.variableValues);
  if (info.fieldNodes.length !== 1 || key === null) return plan(info);
  const node = info.fieldNodes[0]!;
  let known = plans.get(node);
  if (!known) plans.set(node, (known = new Map<string, CodePagePlan | null>()));
  let found = known.get(key);
  if (found === undefined) {
    if (known.size >= PLANS_PER_NODE) known.clear();
    known.set(key, (found = plan(info)));
  }
  return found;
}

const PLANS_PER_NODE = 1000;
const plans = new WeakMap<FieldNode, Map<string, CodePagePlan | null>>();

function plan(info: GraphQLResolveInfo): CodePagePlan | null {
  const codeType = info.schema.getType('Code') as GraphQLObjectType;
  const fields = codeType.getFields();
  const argsOf = (name: string) => childFields(info, name).map((node) => getArgumentValues(fields[name]!, node, info.variableValues));
  const similar = new Map<string, { first: number }>();
  for (const a of argsOf('similarCodes')) {
    try {
      const first = listSize(a.first as number | null);
      if (first <= STORED_LIST_SIZE) similar.set(JSON.stringify({ first }), { first });
    } catch {
      // The resolver reports it.
    }
  }
  const sharing = new Map<string, { first: number; minShared: number }>();
  for (const a of argsOf('codesSharingRisks')) {
    try {
      const first = listSize(a.first as number | null);
      const minShared = (a.minShared as number | null) ?? 1;
      if (Number.isInteger(minShared) && minShared >= 1 && minShared <= 1000 && first <= STORED_LIST_SIZE) sharing.set(JSON.stringify({ first, minShared }), { first, minShared });
    } catch {
      // The resolver reports it.
    }
  }
  const riskCodes = new Map<string, RiskCodesArgs>();
  const riskType = info.schema.getType('Risk') as GraphQLObjectType;
  for (const node of fieldsAtPath(info, ['risks', 'risk', 'codes'])) {
    const a = getArgumentValues(riskType.getFields().codes!, node, info.variableValues);
    try {
      const w = pageWindow(a.first as number | null, a.after as string | null | undefined);
      const args: RiskCodesArgs = { skip: w.skip, first: w.first, frequency: (a.frequency as string | null | undefined) ?? null };
      riskCodes.set(JSON.stringify(args), args);
    } catch {
      // The resolver reports it.
    }
  }
  const planned: CodePagePlan = {
    links: PAGE_LINKS.filter((l) => selects(info, [l])),
    depths: (Object.keys(DEPTH_PATHS) as PageDepth[]).filter((d) => selects(info, DEPTH_PATHS[d])),
    ancestors: selects(info, ['ancestors']),
    children: selects(info, ['children']),
    similar: [...similar.values()],
    sharing: [...sharing.values()],
    riskCodes: [...riskCodes.values()],
    riskCodesRegions: selects(info, ['risks', 'risk', 'codes', 'edges', 'node', 'bodyRegions']),
    projection: pageProjection(operationFields(info)),
  };
  const any = planned.links.length + planned.similar.length + planned.sharing.length > 0 || planned.ancestors || planned.children;
  return any ? planned : null;
}
