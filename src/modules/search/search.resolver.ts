import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { CodeSystem } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';
import { getMaxPageSize } from '../common/pagination';
import { assertLoadedYearlyRelease } from '../release/release.resolver';
import { escapeHtml, highlightTitle } from './highlight';
import { MAX_QUERY_LENGTH, normalizeQuery, planSuggest, tokenize } from './lucene-query';
import { cached, cacheKey } from './search-cache';
import { searchCodes, SearchHit, SearchKey } from './search.service';
import { suggestTerms } from './suggest.repository';
import { CodeSearchConnection, CodeSearchEdge, MatchedNameKind, SearchSuggestion } from './search.type';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `What the person typed: a code (any case, with or without dot), part of a code, or words: of a title, an index term, an inclusion term, a lay word or an abbreviation. At most ${MAX_QUERY_LENGTH} characters.`,
  })
  query!: string;

  @Field(() => [CodeSystem], { nullable: true, description: 'Only these code systems.' })
  systems?: CodeSystem[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only billable codes (no ICD headers, chapters, blocks, modifiers).' })
  billableOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Also codes no longer valid: terminated HCPCS codes and ICD-10 codes deleted by the current release (kept as history). Default false.' })
  includeInactive?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Search ICD-10-CM and ICD-10-PCS as of this loaded release ("FY2025") instead of the current one: codes deleted since are found, codes added later are not (titles are the current ones). Other systems as without it. Null: the current release.',
  })
  release?: string | null;

  @Field(() => Int, { defaultValue: 20, nullable: true, description: 'Page size, at most MAX_PAGE_SIZE (100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the hit to continue after.' })
  after?: string | null;
}

@ArgsType()
export class SuggestArgs {
  @Field(() => String, { description: `What has been typed so far ("myoc", "appen", "heart att"). At most ${MAX_QUERY_LENGTH} characters.` })
  prefix!: string;

  @Field(() => Int, { defaultValue: 10, nullable: true, description: 'How many terms, at most MAX_PAGE_SIZE (100).' })
  first?: number | null;
}

function encodeCursor(k: SearchKey): string {
  return Buffer.from(JSON.stringify([k.tier, k.b, k.s, k.k])).toString('base64url');
}

function decodeCursor(cursor: string): SearchKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 4 && [0, 1, 2].every((i) => Number.isInteger(v[i])) && typeof v[3] === 'string') {
      const [tier, b, s, k] = v as [number, number, number, string];
      return { tier, b, s, k };
    }
  } catch {
    /* fall through */
  }
  throw new BadUserInputError('after is not a search cursor this API gave out', 'after');
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > getMaxPageSize()) {
    throw new BadUserInputError(`first must be between 0 and ${getMaxPageSize()}`, 'first');
  }
}

function checkLength(text: string, argument: string): void {
  if (text.length > MAX_QUERY_LENGTH) throw new BadUserInputError(`${argument} is too long (${text.length} characters; at most ${MAX_QUERY_LENGTH})`, argument);
}

function toEdge(h: SearchHit): CodeSearchEdge {
  const m = h.match;
  const words = m?.variant.words ?? [];
  return {
    cursor: encodeCursor(h),
    node: h.code,
    highlight: m ? highlightTitle(h.code.title, words) : null,
    score: h.tier === 0 ? 6 : h.tier === 1 ? 5 : Math.round(4 * h.relevance * 10000) / 10000,
    matchedBy: h.matchedBy,
    matchedName: m
      ? {
          text: m.name.text,
          kind: m.name.kind as MatchedNameKind,
          source: m.name.source,
          highlight: highlightTitle(m.name.text, words) ?? escapeHtml(m.name.text),
          see: m.name.see,
          prefix: m.name.prefix,
          synonym: m.variant.synonym,
        }
      : null,
  };
}

/** Query.search and Query.suggest: arguments checked here; planning, ranking and paging in search.service.ts. */
@Resolver()
export class SearchResolver {
  @Query(() => CodeSearchConnection, {
    description:
      'Search all medical codes by code or by meaning. Code tiers first: exact code, then code prefix (any case, dotted or not; billable first, then code order; when one matched, word hits on only some pieces of the query are left out). Then words, ranked by relevance: each code by its best-matching name (official titles, ICD-10-CM index terms with see-references resolved, inclusion terms, ICD-10-PCS index terms, and the same words read through our curated synonyms): all words as a phrase on a short name first, index main-term default codes above subterm codes, billable codes and categories above 7th-character variants, diagnoses for condition words, procedures for procedure words, supplies for supply words, quality-measure HCPCS codes down unless asked for; plurals and possessives read as their word ("parkinsons"). A query that names a 7th character ("right hip fracture initial encounter") is also read without its encounter and side words, and the best ICD-10-CM codes of the rest are lifted to the codes under them whose titles hold those words. Typos only when the exact words find fewer than 5 codes. Each hit says which name matched (matchedName). Any user text is accepted: characters that mean something to the search engine are escaped, never an error.',
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: RequestContext): Promise<CodeSearchConnection> {
    checkLength(args.query, 'query');
    const first = args.first ?? 20;
    checkFirst(first);
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.release != null) await assertLoadedYearlyRelease(ctx, args.release, 'release');
    const filters = { systems: args.systems?.length ? args.systems : null, billableOnly: args.billableOnly === true, includeInactive: args.includeInactive === true, release: args.release ?? null };
    // every argument that changes the answer is in the key (search-cache.ts); the text as planSearch normalises it
    const key = cacheKey([
      normalizeQuery(args.query),
      filters.systems ? [...filters.systems].sort() : null,
      filters.billableOnly,
      filters.includeInactive,
      filters.release,
      after ? args.after : null,
      first,
    ]);
    const res = await cached(ctx.db, ctx.config.searchCache, 'search', key, () => searchCodes(ctx.db, args.query, filters, after, first + 1));
    const edges = res.hits.slice(0, first).map(toEdge);
    return {
      edges,
      pageInfo: { hasNextPage: res.hits.length > first, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
      totalCount: res.total,
      bySystem: res.bySystem.filter((s) => s.count > 0),
    };
  }

  @Query(() => [SearchSuggestion], {
    description:
      'Autocomplete: terms whose words start with what was typed ("myoc" -> "myocardial infarction"), from the ICD-10-CM and ICD-10-PCS indexes, short category titles and our synonyms. Terms that start with the typed text first, then those leading to more codes. Any text is accepted; empty text gives no terms.',
  })
  async suggest(@Args(() => SuggestArgs) args: SuggestArgs, @Ctx() ctx: RequestContext): Promise<SearchSuggestion[]> {
    checkLength(args.prefix, 'prefix');
    const first = args.first ?? 10;
    checkFirst(first);
    const plan = planSuggest(args.prefix);
    if (plan.words === null || first === 0) return [];
    const words = tokenize(args.prefix);
    const rows = await cached(ctx.db, ctx.config.searchCache, 'suggest', cacheKey([plan.words, plan.prefix, first]), () => suggestTerms(ctx.db, plan.words!, plan.prefix, first));
    return rows.map((r) => ({ text: r.text, codes: r.codes, highlight: highlightTitle(r.text, words) ?? escapeHtml(r.text) }));
  }
}
