import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../../context';
import { offsetCursor } from '../common/connection.type';
import { pageWindow } from '../common/pagination';
import { Code, CodeConnection, CodeModel, RiskFrequency } from '../code/code.type';
import type { CodePage, VocabularyLoaders } from './vocabulary.loaders';
import { listRisksByCodeCount, listTopBodyRegions } from './vocabulary.repository';
import { BodyRegion, Indication, PersonnelRole, Policy, Risk, RiskConnection, Setting, TermModel } from './vocabulary.type';

/** Turns a loaded page of codes into a connection with offset cursors. */
export function toCodeConnection(p: CodePage, skip: number): CodeConnection {
  const edges = p.page.map((node, i) => ({ cursor: offsetCursor(skip + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: skip + edges.length < p.total, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
    totalCount: p.total,
  };
}

const FIRST = { defaultValue: 20, nullable: true, description: 'Page size, at most MAX_PAGE_SIZE (100).' };
const AFTER = { nullable: true, description: 'Cursor of the edge to continue after.' };

/** `first`/`after` of a term's `codes` connection (declared in the order the SDL has always listed them). */
@ArgsType()
class TermCodesArgs {
  @Field(() => String, AFTER)
  after?: string | null;

  @Field(() => Int, FIRST)
  first!: number | null;
}

@ArgsType()
class RiskCodesArgs extends TermCodesArgs {
  @Field(() => RiskFrequency, { nullable: true, description: 'Only codes listing it as COMMON, or as RARE.' })
  frequency?: RiskFrequency | null;
}

@ArgsType()
class BodyRegionCodesArgs extends TermCodesArgs {
  @Field(() => Boolean, { defaultValue: true, nullable: true, description: 'Also codes on sub-regions (default true).' })
  includeSubRegions!: boolean | null;
}

/** The loader families of vocabulary/ that page a term's codes. */
type CodesLoaderName = 'codesByRiskKey' | 'codesByBodyRegionKey' | 'codesByPersonnelRoleKey' | 'codesBySettingKey' | 'codesByPolicyKey';

/**
 * The `codes` connection of a term type (Risk, BodyRegion, PersonnelRole, Setting, Policy): one
 * field resolver reading a page through the term's loader family. `argsType` adds the type's own
 * filter arguments to first/after; `filters` turns them into the loader's query parameters.
 * Returns an abstract resolver class: a concrete `@Resolver(() => Type)` extends it.
 */
function termCodesResolver<A extends TermCodesArgs>(
  termType: ClassType,
  description: string,
  loader: CodesLoaderName,
  argsType: ClassType<A>,
  filters: (args: A) => Record<string, unknown> = () => ({}),
) {
  @Resolver(() => termType)
  abstract class TermCodesResolver {
    @FieldResolver(() => CodeConnection, { description })
    async codes(@Root() term: TermModel, @Ctx() ctx: RequestContext, @Args(() => argsType) args: A): Promise<CodeConnection> {
      const w = pageWindow(args.first, args.after);
      const family: VocabularyLoaders[CodesLoaderName] = ctx.loaders.vocab[loader];
      const [p] = await family.load(term.key, { ...w, ...filters(args) });
      return toCodeConnection(p ?? { total: 0, page: [] }, w.skip);
    }
  }
  return TermCodesResolver;
}

@Resolver(() => Risk)
export class RiskResolver extends termCodesResolver(Risk, 'Codes with this risk, across systems, in code order.', 'codesByRiskKey', RiskCodesArgs, (a) => ({
  frequency: a.frequency ?? null,
})) {
  @Query(() => RiskConnection, { description: 'Risks and complications, most widely shared first.' })
  async risks(@Ctx() ctx: RequestContext, @Arg('first', () => Int, FIRST) first: number | null, @Arg('after', () => String, AFTER) after?: string | null): Promise<RiskConnection> {
    const w = pageWindow(first, after);
    const { total, page } = await listRisksByCodeCount(ctx.db, w);
    const edges = page.map((x, i) => ({ cursor: offsetCursor(w.skip + i), node: x.risk, codeCount: x.codeCount }));
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
}

@Resolver(() => BodyRegion)
export class BodyRegionResolver extends termCodesResolver(
  BodyRegion,
  'Codes on this region, and on its sub-regions unless includeSubRegions is false.',
  'codesByBodyRegionKey',
  BodyRegionCodesArgs,
  (a) => ({ includeSubRegions: a.includeSubRegions ?? true }),
) {
  @Query(() => [BodyRegion], { description: 'Top-level body regions; each carries its sub-regions.' })
  bodyRegions(@Ctx() ctx: RequestContext): Promise<TermModel[]> {
    return listTopBodyRegions(ctx.db);
  }

  @FieldResolver(() => BodyRegion, { nullable: true, description: 'The region this one is part of; null at the top.' })
  async parent(@Root() r: TermModel, @Ctx() ctx: RequestContext): Promise<TermModel | null> {
    return (await ctx.loaders.vocab.regionParentByKey.load(r.key))[0] ?? null;
  }

  @FieldResolver(() => [BodyRegion], { description: 'Direct sub-regions, by name.' })
  children(@Root() r: TermModel, @Ctx() ctx: RequestContext): Promise<TermModel[]> {
    return ctx.loaders.vocab.regionChildrenByKey.load(r.key);
  }
}

@Resolver(() => PersonnelRole)
export class PersonnelRoleResolver extends termCodesResolver(PersonnelRole, 'Codes that need this role, in code order.', 'codesByPersonnelRoleKey', TermCodesArgs) {}

@Resolver(() => Setting)
export class SettingResolver extends termCodesResolver(Setting, 'Codes performed in this setting, in code order.', 'codesBySettingKey', TermCodesArgs) {}

@Resolver(() => Policy)
export class PolicyResolver extends termCodesResolver(Policy, 'Codes this policy covers, in code order.', 'codesByPolicyKey', TermCodesArgs) {}

@Resolver(() => Indication)
export class IndicationResolver {
  @FieldResolver(() => [Code], { description: 'Diagnosis codes this indication corresponds to, where known.' })
  diagnosisCodes(@Root() i: TermModel, @Ctx() ctx: RequestContext): Promise<CodeModel[]> {
    return ctx.loaders.vocab.diagnosisCodesByIndicationKey.load(i.key);
  }
}
