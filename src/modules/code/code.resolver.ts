import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { CodeSystem, toCodeKey } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';
import type { RequestContext } from '../../context';
import { codeRef } from '../common/global-id';
import { listSize } from '../common/pagination';
import { selects } from '../common/selection';
import { BodyRegion, Indication, PersonnelRole, Policy, Setting } from '../vocabulary/vocabulary.type';
import { Alternative, BodySystem, CodeRisk, Equipment, SharedRiskMatch, SimilarCode } from './code-relations.type';
import type { TermModel } from '../vocabulary/vocabulary.type';
import type { CodeRiskModel, DetailsDepth, SharedRiskMatchModel, SimilarCodeModel } from './code.loaders';
import { Code, CodeModel, Duration, RiskFrequency } from './code.type';
import { planCodePage } from './code-page.plan';

/** `[depth]` when the request asks for `path` below the field being resolved, else none. */
function deeper(info: GraphQLResolveInfo, path: readonly string[], depth: DetailsDepth): DetailsDepth[] {
  return selects(info, path) ? [depth] : [];
}

/**
 * Query.code and every relationship field of Code. Thin: arguments are checked
 * here, data comes from the per-request loaders (src/modules/code/code.loaders.ts,
 * Cypher in cypher/queries/code/).
 */
@Resolver(() => Code)
export class CodeResolver {
  @Query(() => Code, {
    nullable: true,
    description: 'One code. `code` is matched without regard to case or the ICD dot: M62.830, m62830 and M62830 are the same code. Null when the graph does not hold it.',
  })
  async code(
    @Arg('system', () => CodeSystem, { description: 'The code system.' }) system: CodeSystem,
    @Arg('code', () => String, { description: 'The code, any case, with or without the ICD dot.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CodeModel | null> {
    const key = toCodeKey(code);
    if (key.length === 0 || key.length > 20 || !/^[A-Z0-9]+$/.test(key)) {
      throw new BadUserInputError(`"${code.slice(0, 40)}" is not a code: expected letters and digits, e.g. M62.830`, 'code');
    }
    // A page (anything below the code that is a relationship) is one statement that primes
    // the loaders the field resolvers below use; a bare lookup stays a batched load.
    const plan = ctx.loaders.code.compilesPages ? planCodePage(info) : null;
    if (plan) return ctx.loaders.code.loadPage(codeRef(system, key), plan);
    const [found] = await ctx.loaders.code.codeByRef.load(codeRef(system, key));
    return found ?? null;
  }

  @FieldResolver(() => Code, { nullable: true, description: 'The parent in the code hierarchy; null at a root.' })
  parent(@Root() c: CodeModel, @Ctx() ctx: RequestContext): CodeModel | null | Promise<CodeModel | null> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'parent');
  }

  @FieldResolver(() => [Code], { description: 'Direct children in the code hierarchy, in code order.' })
  children(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<CodeModel[]> {
    return ctx.loaders.code.childrenByCodeRef.load(c.ref);
  }

  @FieldResolver(() => [Code], { description: 'Ancestors in the code hierarchy, root first.' })
  ancestors(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<CodeModel[]> {
    return ctx.loaders.code.ancestorsByCodeRef.load(c.ref);
  }

  /**
   * The code with its page text: `c` itself, or for a light list row of a code that has a
   * page, the whole node through the batched codeByRef loader (one query for all such
   * codes of a level). Lists stay cheap; page text is read only when a request asks.
   */
  private page(c: CodeModel, ctx: RequestContext): CodeModel | Promise<CodeModel> {
    if (!c.light || !c.hasPage) return c;
    return ctx.loaders.code.codeByRef.load(c.ref).then(([full]) => full ?? c);
  }

  /**
   * `read` of the page: synchronous when the code already holds it (a page read by the
   * code-page statement), so graphql-js completes the object without a promise per field.
   */
  private fromPage<T>(c: CodeModel, ctx: RequestContext, read: (p: CodeModel) => T): T | Promise<T> {
    const p = this.page(c, ctx);
    return p instanceof Promise ? p.then(read) : read(p);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The full name from "Name of the Procedure", when the page gives one.' })
  fullName(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.fullName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The title as the imported page gives it. Codes of the public releases keep their official `title`; this shows the page's wording.",
  })
  pageTitle(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.pageTitle);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Summary section of the page.' })
  summary(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.summary);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Purpose section of the page.' })
  purpose(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.purpose);
  }

  @FieldResolver(() => [String], { description: 'Preparation steps, in order.' })
  preparation(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return this.fromPage(c, ctx, (p) => p.preparation);
  }

  @FieldResolver(() => [String], { description: 'Procedure description, in order.' })
  steps(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return this.fromPage(c, ctx, (p) => p.steps);
  }

  @FieldResolver(() => String, { nullable: true, description: 'How complications are managed, when the page says.' })
  riskManagement(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.riskManagement);
  }

  @FieldResolver(() => [String], { description: 'Benefits, as listed.' })
  benefits(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return this.fromPage(c, ctx, (p) => p.benefits);
  }

  @FieldResolver(() => [String], { description: 'Recovery, as listed.' })
  recovery(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string[] | Promise<string[]> {
    return this.fromPage(c, ctx, (p) => p.recovery);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Patient Experience section of the page.' })
  patientExperience(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.patientExperience);
  }

  @FieldResolver(() => [Indication], { description: 'Reasons to perform it, as the page lists them.' })
  indications(@Root() c: CodeModel, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): TermModel[] | Promise<TermModel[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'indications', deeper(info, ['diagnosisCodes'], 'indications.diagnosisCodes'));
  }

  @FieldResolver(() => Duration, { nullable: true, description: 'How long it takes, when the page says.' })
  duration(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Duration | null | Promise<Duration | null> {
    return this.fromPage(c, ctx, (p) => (p.durationText === null ? null : { text: p.durationText, minMinutes: p.durationMinMinutes, maxMinutes: p.durationMaxMinutes }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The Setting section as written.' })
  settingText(@Root() c: CodeModel, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return this.fromPage(c, ctx, (p) => p.settingText);
  }

  @FieldResolver(() => [Setting], { description: 'Where it is performed.' })
  settings(@Root() c: CodeModel, @Ctx() ctx: RequestContext): TermModel[] | Promise<TermModel[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'settings');
  }

  @FieldResolver(() => [PersonnelRole], { description: 'Who takes part.' })
  personnel(@Root() c: CodeModel, @Ctx() ctx: RequestContext): TermModel[] | Promise<TermModel[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'personnel');
  }

  @FieldResolver(() => [CodeRisk], { description: 'Risks and complications, in page order; only those of one frequency when given.' })
  risks(
    @Root() c: CodeModel,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('frequency', () => RiskFrequency, { nullable: true, description: 'Only COMMON or only RARE risks.' }) frequency?: RiskFrequency | null,
  ): CodeRiskModel[] | Promise<CodeRiskModel[]> {
    const pick = (all: CodeRiskModel[]) => (frequency ? all.filter((r) => r.frequency === frequency) : all);
    const all = ctx.loaders.code.detailsByCodeRef.load(c.ref, 'risks', deeper(info, ['risk', 'diagnosisCodes'], 'risks.diagnosisCodes'));
    return all instanceof Promise ? all.then(pick) : pick(all);
  }

  @FieldResolver(() => [BodyRegion], { description: 'Body regions it works on.' })
  bodyRegions(@Root() c: CodeModel, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): TermModel[] | Promise<TermModel[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'bodyRegions', deeper(info, ['parent'], 'bodyRegions.parent'));
  }

  @FieldResolver(() => [BodySystem], { description: 'Body systems and tissues it works on (integumentary system, muscles, nerves).' })
  bodySystems(@Root() c: CodeModel, @Ctx() ctx: RequestContext): { key: string; name: string }[] | Promise<{ key: string; name: string }[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'bodySystems');
  }

  @FieldResolver(() => [Equipment], { description: 'Tools and equipment the procedure description names.' })
  equipment(@Root() c: CodeModel, @Ctx() ctx: RequestContext): { key: string; name: string }[] | Promise<{ key: string; name: string }[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'equipment');
  }

  @FieldResolver(() => [Alternative], { description: 'Alternatives the page names.' })
  alternatives(@Root() c: CodeModel, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Alternative[] | Promise<Alternative[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'alternatives', deeper(info, ['code'], 'alternatives.code'));
  }

  @FieldResolver(() => [Policy], { description: 'Health-plan policies that cover it.' })
  policies(@Root() c: CodeModel, @Ctx() ctx: RequestContext): TermModel[] | Promise<TermModel[]> {
    return ctx.loaders.code.detailsByCodeRef.load(c.ref, 'policies');
  }

  @FieldResolver(() => [SimilarCode], { description: 'Codes most like this one, best first, with the reasons: listed ones first, then by score (README "Similar codes").' })
  similarCodes(
    @Root() c: CodeModel,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 10, nullable: true, description: 'How many, at most MAX_PAGE_SIZE (100).' }) first: number | null,
  ): Promise<SimilarCodeModel[]> {
    return ctx.loaders.code.similarCodesByCodeRef.load(c.ref, { first: listSize(first) });
  }

  @FieldResolver(() => [SharedRiskMatch], { description: 'Codes that share at least `minShared` risks with this one, most shared first.' })
  codesSharingRisks(
    @Root() c: CodeModel,
    @Ctx() ctx: RequestContext,
    @Arg('minShared', () => Int, { defaultValue: 1, nullable: true, description: 'Least number of shared risks (1 or more).' }) minSharedArg: number | null,
    @Arg('first', () => Int, { defaultValue: 10, nullable: true, description: 'How many, at most MAX_PAGE_SIZE (100).' }) first: number | null,
  ): Promise<SharedRiskMatchModel[]> {
    const minShared = minSharedArg ?? 1;
    if (!Number.isInteger(minShared) || minShared < 1 || minShared > 1000) {
      throw new BadUserInputError('minShared must be between 1 and 1000', 'minShared');
    }
    return ctx.loaders.code.codesSharingRisksByCodeRef.load(c.ref, { first: listSize(first), minShared });
  }
}

@Resolver(() => Alternative)
export class AlternativeResolver {
  @FieldResolver(() => Code, { nullable: true, description: 'The code for the alternative, where one is known.' })
  async code(@Root() a: Alternative, @Ctx() ctx: RequestContext): Promise<CodeModel | null> {
    if (!a.codeRef) return null;
    return (await ctx.loaders.code.codeByRef.load(a.codeRef))[0] ?? null;
  }
}
