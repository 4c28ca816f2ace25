import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { CodeSystem, toCodeKey } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';
import { isReleaseLabel } from '../../ingest/codesets/release-label';
import { offsetCursor } from '../common/connection.type';
import { codeRef } from '../common/global-id';
import { pageWindow } from '../common/pagination';
import { Code, type CodeModel } from '../code/code.type';
import { createReleaseLoaders, listCodeChanges, type ReleaseLoaders } from './release.repository';
import { stateAsOf, titleHistory, validReleases } from './release.service';
import { CodeChangeConnection, CodeChangeKind, CodeReplacement, CodeTitleVersion, type CodeReplacementModel, type CodeTitleVersionModel } from './release.type';

// Per request: keyed by the request's context object, so they live exactly as long as it.
const loadersOf = new WeakMap<RequestContext, ReleaseLoaders>();
function releaseLoaders(ctx: RequestContext): ReleaseLoaders {
  let l = loadersOf.get(ctx);
  if (!l) {
    l = createReleaseLoaders(ctx.db, ctx.loaderOptions);
    loadersOf.set(ctx, l);
  }
  return l;
}

/**
 * Checks a release argument of a request that spans the yearly code sets (search): a label
 * such as FY2026 that ICD-10-CM or ICD-10-PCS has loaded. BAD_USER_INPUT naming `argument` otherwise.
 */
export async function assertLoadedYearlyRelease(ctx: RequestContext, release: string, argument: string): Promise<void> {
  if (!isReleaseLabel(release)) throw new BadUserInputError(`${argument} must be a release like FY2026, got "${release.slice(0, 20)}"`, argument);
  const l = releaseLoaders(ctx);
  const known = [...new Set((await Promise.all([l.releasesBySystem.load(CodeSystem.ICD10CM), l.releasesBySystem.load(CodeSystem.ICD10PCS)])).flat())].sort();
  if (!known.includes(release)) {
    throw new BadUserInputError(known.length ? `${release} is not a loaded release (loaded: ${known.join(', ')})` : 'no releases are loaded', argument);
  }
}

/** The loaded releases of `system`; BAD_USER_INPUT naming `argument` when `release` is not one of them. */
async function knownRelease(ctx: RequestContext, system: CodeSystem, release: string, argument: string): Promise<string[]> {
  if (!isReleaseLabel(release)) throw new BadUserInputError(`${argument} must be a release like FY2026, got "${release.slice(0, 20)}"`, argument);
  const known = await releaseLoaders(ctx).releasesBySystem.load(system);
  if (!known.includes(release)) {
    throw new BadUserInputError(known.length ? `${release} is not a loaded release of ${system} (loaded: ${known.join(', ')})` : `${system} has no loaded releases`, argument);
  }
  return known;
}

function checkedKey(code: string): string {
  const key = toCodeKey(code);
  if (key.length === 0 || key.length > 20 || !/^[A-Z0-9]+$/.test(key)) {
    throw new BadUserInputError(`"${code.slice(0, 40)}" is not a code: expected letters and digits, e.g. M62.830`, 'code');
  }
  return key;
}

/** Queries over the loaded releases of the yearly code sets (README "Releases"). Thin: data from the release repository. */
@Resolver()
export class ReleaseResolver {
  @Query(() => [String], { description: 'The releases of a code system loaded into the graph, oldest first (e.g. FY2025, FY2026); [] for systems without releases.' })
  async codeReleases(@Arg('system', () => CodeSystem, { description: 'The code system.' }) system: CodeSystem, @Ctx() ctx: RequestContext): Promise<string[]> {
    return releaseLoaders(ctx).releasesBySystem.load(system);
  }

  @Query(() => CodeChangeConnection, {
    description:
      'Codes added, deleted or retitled (long title changed) between two loaded releases, in code order. Counts the rows of the order files, headers included; `billableOnly` keeps codes billable in the later release (DELETED: in the earlier one).',
  })
  async codeChanges(
    @Arg('system', () => CodeSystem, { description: 'The code system (ICD10CM, ICD10PCS).' }) system: CodeSystem,
    @Arg('from', () => String, { description: 'The earlier release, e.g. FY2025.' }) from: string,
    @Arg('to', () => String, { description: 'The later release, e.g. FY2026.' }) to: string,
    @Arg('kind', () => CodeChangeKind, { description: 'Which changes: ADDED, DELETED or RETITLED.' }) kind: CodeChangeKind,
    @Arg('billableOnly', () => Boolean, { defaultValue: false, description: 'Only codes billable in the later release (DELETED: in the earlier one).' }) billableOnly: boolean,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most MAX_PAGE_SIZE).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CodeChangeConnection> {
    const window = pageWindow(first, after);
    await knownRelease(ctx, system, from, 'from');
    await knownRelease(ctx, system, to, 'to');
    if (from >= to) throw new BadUserInputError(`from (${from}) must be an earlier release than to (${to})`, 'from');
    const { total, page } = await listCodeChanges(ctx.db, { system, from, to, kind, billableOnly, ...window });
    return {
      totalCount: total,
      edges: page.map((node, i) => ({ cursor: offsetCursor(window.skip + i), node })),
      pageInfo: { hasNextPage: window.skip + page.length < total, endCursor: page.length ? offsetCursor(window.skip + page.length - 1) : null },
    };
  }

  @Query(() => Code, {
    nullable: true,
    description:
      'A code as a release had it: title, short title and billable flag of that release (other fields as today). Null when the code is not valid in that release. `code(system, code)` reads the current release.',
  })
  async codeAsOf(
    @Arg('system', () => CodeSystem, { description: 'The code system.' }) system: CodeSystem,
    @Arg('code', () => String, { description: 'The code, any case, with or without the ICD dot.' }) code: string,
    @Arg('release', () => String, { description: 'A loaded release, e.g. FY2025.' }) release: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CodeModel | null> {
    const key = checkedKey(code);
    const known = await knownRelease(ctx, system, release, 'release');
    const ref = codeRef(system, key);
    const [[found], [facts]] = await Promise.all([ctx.loaders.code.codeByRef.load(ref), releaseLoaders(ctx).factsByCodeRef.load(ref)]);
    const state = stateAsOf(facts, known, release);
    if (!found || !state) return null;
    return { ...found, ...state };
  }
}

/** Release fields of Code (TypeGraphQL merges them with CodeResolver's). */
@Resolver(() => Code)
export class CodeReleaseFieldsResolver {
  @FieldResolver(() => [String], { description: 'The loaded releases this code is valid in, oldest first (e.g. ["FY2025", "FY2026"]); [] for systems without releases (HCPCS, CPT).' })
  async validIn(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<string[]> {
    const l = releaseLoaders(ctx);
    const [known, [facts]] = await Promise.all([l.releasesBySystem.load(c.system), l.factsByCodeRef.load(c.ref)]);
    return validReleases(facts, known);
  }

  @FieldResolver(() => [CodeTitleVersion], { description: 'Every title the code held over the loaded releases, oldest first, the current one last.' })
  async titleHistory(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<CodeTitleVersionModel[]> {
    const l = releaseLoaders(ctx);
    const [known, [facts]] = await Promise.all([l.releasesBySystem.load(c.system), l.factsByCodeRef.load(c.ref)]);
    return titleHistory(facts, known);
  }

  @FieldResolver(() => [CodeReplacement], { description: 'The codes the official conversion table says replaced this one (REPLACED_BY), with the release; [] when none.' })
  async replacedBy(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<CodeReplacementModel[]> {
    const [facts] = await releaseLoaders(ctx).factsByCodeRef.load(c.ref);
    return facts?.replacedBy ?? [];
  }

  @FieldResolver(() => [CodeReplacement], { description: 'The codes this one replaced, per the official conversion table, with the release; [] when none.' })
  async replaces(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<CodeReplacementModel[]> {
    const [facts] = await releaseLoaders(ctx).factsByCodeRef.load(c.ref);
    return facts?.replaces ?? [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The conversion table\'s "Previous Code(s) Assignment" for a new code, as written (it may name categories or a phrase rather than codes).',
  })
  async previousAssignment(@Root() c: CodeModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    const [facts] = await releaseLoaders(ctx).factsByCodeRef.load(c.ref);
    return facts?.previousAssignment ?? null;
  }
}
