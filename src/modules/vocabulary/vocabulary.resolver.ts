import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { cypherQuery } from '../../neo4j/cypher-files';
import { offsetCursor } from '../common/connection.type';
import { pageWindow } from '../common/pagination';
import { Code, CodeConnection, CodeModel, RiskFrequency } from '../code/code.type';
import { toTermModel } from './vocabulary.mapper';
import type { CodePage } from './vocabulary.loaders';
import type { LoaderFamily } from '../../neo4j/keyed-loader';
import { BodyRegion, Indication, PersonnelRole, Policy, Risk, RiskConnection, Setting, TermModel } from './vocabulary.type';

const Q = {
  topRegions: cypherQuery('vocabulary/list-top-body-regions'),
  risksByCount: cypherQuery('vocabulary/list-risks-by-code-count'),
};

/** Turns a loaded page of codes into a connection with offset cursors. */
export function toCodeConnection(p: CodePage, skip: number): CodeConnection {
  const edges = p.page.map((node, i) => ({ cursor: offsetCursor(skip + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: skip + edges.length < p.total, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
    totalCount: p.total,
  };
}

/** A page of a term's codes through its loader family, as a connection; validates first/after. */
async function codesOf(family: LoaderFamily<CodePage>, key: string, first: number | null, after: string | null | undefined, extra: Record<string, unknown> = {}): Promise<CodeConnection> {
  const w = pageWindow(first, after);
  const [p] = await family.load(key, { ...w, ...extra });
  return toCodeConnection(p ?? { total: 0, page: [] }, w.skip);
}

const FIRST = { defaultValue: 20, nullable: true, description: 'Page size, at most MAX_PAGE_SIZE (100).' };
const AFTER = { nullable: true, description: 'Cursor of the edge to continue after.' };

@Resolver(() => Risk)
export class RiskResolver {
  @Query(() => RiskConnection, { description: 'Risks and complications, most widely shared first.' })
  async risks(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<RiskConnection> {
    const w = pageWindow(first, after);
    const [row] = await ctx.db.read<{ total: number; page: { risk: Record<string, unknown>; codeCount: number }[] }>(Q.risksByCount, w);
    const total = row?.total ?? 0;
    const edges = (row?.page ?? []).map((x, i) => ({ cursor: offsetCursor(w.skip + i), node: toTermModel('Risk', x.risk), codeCount: x.codeCount }));
    return {
      edges,
      pageInfo: { hasNextPage: w.skip + edges.length < total, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
      totalCount: total,
    };
  }

  @FieldResolver(() => [Code], { description: 'Diagnosis codes (ICD-10-CM) that describe this complication.' })
  diagnosisCodes(@Root() r: TermModel, @Ctx() ctx: RequestContext): Promise<CodeModel[]> {
    return ctx.loaders.vocab.diagnosisCodesByRiskKey.load(r.key);
  }

  @FieldResolver(() => CodeConnection, { description: 'Codes with this risk, across systems, in code order.' })
  async codes(
    @Root() r: TermModel,
    @Ctx() ctx: RequestContext,
    @Arg('frequency', () => RiskFrequency, { nullable: true, description: 'Only codes listing it as COMMON, or as RARE.' }) frequency: RiskFrequency | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<CodeConnection> {
    return codesOf(ctx.loaders.vocab.codesByRiskKey, r.key, first, after, { frequency: frequency ?? null });
  }
}

@Resolver(() => BodyRegion)
export class BodyRegionResolver {
  @Query(() => [BodyRegion], { description: 'Top-level body regions; each carries its sub-regions.' })
  async bodyRegions(@Ctx() ctx: RequestContext): Promise<TermModel[]> {
    const rows = await ctx.db.read<{ region: Record<string, unknown> }>(Q.topRegions);
    return rows.map((r) => toTermModel('BodyRegion', r.region));
  }

  @FieldResolver(() => BodyRegion, { nullable: true, description: 'The region this one is part of; null at the top.' })
  async parent(@Root() r: TermModel, @Ctx() ctx: RequestContext): Promise<TermModel | null> {
    return (await ctx.loaders.vocab.regionParentByKey.load(r.key))[0] ?? null;
  }

  @FieldResolver(() => [BodyRegion], { description: 'Direct sub-regions, by name.' })
  children(@Root() r: TermModel, @Ctx() ctx: RequestContext): Promise<TermModel[]> {
    return ctx.loaders.vocab.regionChildrenByKey.load(r.key);
  }

  @FieldResolver(() => CodeConnection, { description: 'Codes on this region, and on its sub-regions unless includeSubRegions is false.' })
  async codes(
    @Root() r: TermModel,
    @Ctx() ctx: RequestContext,
    @Arg('includeSubRegions', () => Boolean, { defaultValue: true, nullable: true, description: 'Also codes on sub-regions (default true).' }) includeSubRegions: boolean | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<CodeConnection> {
    return codesOf(ctx.loaders.vocab.codesByBodyRegionKey, r.key, first, after, { includeSubRegions: includeSubRegions ?? true });
  }
}

@Resolver(() => PersonnelRole)
export class PersonnelRoleResolver {
  @FieldResolver(() => CodeConnection, { description: 'Codes that need this role, in code order.' })
  async codes(
    @Root() r: TermModel,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<CodeConnection> {
    return codesOf(ctx.loaders.vocab.codesByPersonnelRoleKey, r.key, first, after);
  }
}

@Resolver(() => Setting)
export class SettingResolver {
  @FieldResolver(() => CodeConnection, { description: 'Codes performed in this setting, in code order.' })
  async codes(
    @Root() r: TermModel,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<CodeConnection> {
    return codesOf(ctx.loaders.vocab.codesBySettingKey, r.key, first, after);
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @FieldResolver(() => CodeConnection, { description: 'Codes this policy covers, in code order.' })
  async codes(
    @Root() r: TermModel,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after?: string | null,
  ): Promise<CodeConnection> {
    return codesOf(ctx.loaders.vocab.codesByPolicyKey, r.key, first, after);
  }
}

@Resolver(() => Indication)
export class IndicationResolver {
  @FieldResolver(() => [Code], { description: 'Diagnosis codes this indication corresponds to, where known.' })
  diagnosisCodes(@Root() i: TermModel, @Ctx() ctx: RequestContext): Promise<CodeModel[]> {
    return ctx.loaders.vocab.diagnosisCodesByIndicationKey.load(i.key);
  }
}
