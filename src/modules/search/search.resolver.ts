import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { CodeSystem } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';
import { getMaxPageSize } from '../common/pagination';
import { highlightTitle } from './highlight';
import { MAX_QUERY_LENGTH, planSearch } from './lucene-query';
import { SearchKey, searchCodes } from './search.repository';
import { CodeSearchConnection } from './search.type';

const TIER_NAMES = ['EXACT_CODE', 'CODE_PREFIX', 'TITLE_PHRASE', 'ALL_WORDS', 'FUZZY', 'ANY_WORD'];

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: `What the person typed: a code (any case, with or without dot), part of a code, or words of the title. At most ${MAX_QUERY_LENGTH} characters.` })
  query!: string;

  @Field(() => [CodeSystem], { nullable: true, description: 'Only these code systems.' })
  systems?: CodeSystem[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only billable codes (no ICD headers, chapters, blocks, modifiers).' })
  billableOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Also terminated HCPCS codes (kept as history). Default false.' })
  includeInactive?: boolean | null;

  @Field(() => Int, { defaultValue: 20, nullable: true, description: 'Page size, at most MAX_PAGE_SIZE (100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the hit to continue after.' })
  after?: string | null;
}

function encodeCursor(k: SearchKey): string {
  return Buffer.from(JSON.stringify([k.tier, k.b, k.s, k.k])).toString('base64url');
}

function decodeCursor(cursor: string): SearchKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 4 && [0, 1, 2].every((i) => Number.isInteger(v[i])) && typeof v[3] === 'string') {
      return { tier: v[0], b: v[1], s: v[2], k: v[3] };
    }
  } catch {
    /* fall through */
  }
  throw new BadUserInputError('after is not a search cursor this API gave out', 'after');
}

/** Query.search: plans the query (lucene-query.ts), runs one Cypher query, shapes the page. */
@Resolver()
export class SearchResolver {
  @Query(() => CodeSearchConnection, {
    description:
      'Search all medical codes. Ranking: exact code, then code prefix, then title phrase, then all title words (prefix-matched, typo-tolerant), then any word; ties: billable first, then system (CPT, HCPCS, ICD-10-CM, ICD-10-PCS), then code order. Any user text is accepted: characters that mean something to the search engine are escaped, never an error.',
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: RequestContext): Promise<CodeSearchConnection> {
    if (args.query.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`query is too long (${args.query.length} characters; at most ${MAX_QUERY_LENGTH})`, 'query');
    }
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 0 || first > getMaxPageSize()) {
      throw new BadUserInputError(`first must be between 0 and ${getMaxPageSize()}`, 'first');
    }
    const after = args.after ? decodeCursor(args.after) : null;
    const plan = planSearch(args.query);
    if (plan.codeKey === null && plan.words.length === 0) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, bySystem: [] };
    }
    const filters = { systems: args.systems?.length ? args.systems : null, billableOnly: args.billableOnly === true, includeInactive: args.includeInactive === true };
    const res = await searchCodes(ctx.db, plan, filters, after, first + 1);
    const hits = res.hits.slice(0, first);
    const edges = hits.map((h) => ({
      cursor: encodeCursor(h),
      node: h.code,
      highlight: highlightTitle(h.code.title, plan.words),
      score: Math.round((6 - h.tier + h.lucene / (1 + h.lucene)) * 10000) / 10000,
      matchedBy: TIER_NAMES[h.tier] ?? 'ANY_WORD',
    }));
    return {
      edges,
      pageInfo: { hasNextPage: res.hits.length > first, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
      totalCount: res.total,
      bySystem: res.bySystem.filter((s) => s.count > 0),
    };
  }
}
