import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection.type';
import { Code, CodeModel, SystemCount } from '../code/code.type';

@ObjectType({ description: 'One search hit.' })
export class CodeSearchEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this hit; stable for the same query and data.' })
  cursor!: string;

  @Field(() => Code)
  node!: CodeModel;

  @Field(() => String, { nullable: true, description: 'The title, HTML-escaped, with matched words wrapped in <mark></mark>; null when only the code matched.' })
  highlight!: string | null;

  @Field(() => Float, {
    description: 'Higher is better. The whole part is the match tier: 6 exact code, 5 code prefix, 4 title phrase, 3 all words, 2 all words with typos, 1 any word; the fraction is Lucene relevance.',
  })
  score!: number;

  @Field(() => String, { description: 'Why it matched: EXACT_CODE, CODE_PREFIX, TITLE_PHRASE, ALL_WORDS, FUZZY, ANY_WORD.' })
  matchedBy!: string;
}

@ObjectType({ description: 'A page of search hits.' })
export class CodeSearchConnection {
  @Field(() => [CodeSearchEdge])
  edges!: CodeSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many codes match. Each tier after the exact code counts at most 1,000 candidates (50,000 with a systems or billableOnly filter), so for a very broad query this is a lower bound.' })
  totalCount!: number;

  @Field(() => [SystemCount], { description: 'How many matches each code system holds.' })
  bySystem!: SystemCount[];
}
