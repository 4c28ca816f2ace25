import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/connection.type';
import { Code, CodeModel, SystemCount } from '../code/code.type';

export enum MatchedNameKind {
  TITLE = 'TITLE',
  SHORT_TITLE = 'SHORT_TITLE',
  COMMON_NAME = 'COMMON_NAME',
  INDEX = 'INDEX',
  INDEX_SEE = 'INDEX_SEE',
  INCLUSION = 'INCLUSION',
  PCS_INDEX = 'PCS_INDEX',
  DRUG = 'DRUG',
  EXTERNAL_CAUSE = 'EXTERNAL_CAUSE',
  NEOPLASM = 'NEOPLASM',
}
registerEnumType(MatchedNameKind, {
  name: 'MatchedNameKind',
  description: 'What kind of name of a code a search matched.',
  valuesConfig: {
    TITLE: { description: 'The official long title (description).' },
    SHORT_TITLE: { description: 'The official short (abbreviated) title.' },
    COMMON_NAME: { description: 'The everyday name its code page gives it ("Upper Abdominal Surgery Anesthesia").' },
    INDEX: { description: 'An ICD-10-CM alphabetic-index term path (main term > subterms) leading to the code.' },
    INDEX_SEE: { description: 'An ICD-10-CM index term that says "see" another term, or has no code and says "see also"; the code is that term\'s.' },
    INCLUSION: { description: 'An ICD-10-CM tabular inclusion term or includes note of the code.' },
    PCS_INDEX: { description: 'An ICD-10-PCS index term leading to the code, its table, or a table prefix holding it.' },
    DRUG: { description: 'A Table of Drugs and Chemicals entry.' },
    EXTERNAL_CAUSE: { description: 'An External Cause of Injuries index term.' },
    NEOPLASM: { description: 'A Neoplasm table entry.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A synonym of our curated list (seeds/search/synonyms.tsv) that the search used to read the query.' })
export class SearchSynonym {
  @Field(() => String, { description: 'The words of the query it replaced ("heart attack").' })
  term!: string;

  @Field(() => String, { description: 'What they were read as ("myocardial infarction").' })
  expansion!: string;

  @Field(() => String, { description: 'lay, abbreviation or spelling.' })
  kind!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Why a code matched words: its best-matching name.' })
export class SearchMatchedName {
  @Field(() => String, { description: 'The name as stored: index levels joined with " > ", nonessential modifiers in parentheses.' })
  text!: string;

  @Field(() => MatchedNameKind, { description: 'Which kind of name it is: title, index term, inclusion term, PCS index term, ...' })
  kind!: MatchedNameKind;

  @Field(() => String, { nullable: true, description: "Release file the name comes from; null for titles (the code's own release)." })
  source!: string | null;

  @Field(() => String, { description: 'The name, HTML-escaped, with the matched words wrapped in <mark></mark>.' })
  highlight!: string;

  @Field(() => String, { nullable: true, description: 'For an index "see" reference or a PCS index reference: the term it points to ("Infarct, myocardium", "Resection, Appendix").' })
  see!: string | null;

  @Field(() => String, { nullable: true, description: 'For a PCS index term that leads to a table prefix: the prefix (0DTJ); the code is one of the codes under it.' })
  prefix!: string | null;

  @Field(() => SearchSynonym, { nullable: true, description: 'The synonym through which the words matched; null when the typed words matched as they are.' })
  synonym!: SearchSynonym | null;
}

@ObjectType({ simpleResolvers: true, description: 'One search hit.' })
export class CodeSearchEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this hit; stable for the same query and data.' })
  cursor!: string;

  @Field(() => Code)
  node!: CodeModel;

  @Field(() => String, {
    nullable: true,
    description: 'The title, HTML-escaped, with matched words wrapped in <mark></mark>; null when only the code matched or the words matched another name (see matchedName).',
  })
  highlight!: string | null;

  @Field(() => Float, {
    description:
      'Higher is better. 6 exact code, 5 code prefix; word hits 0 to 4: four times the relevance of the best-matching name (how many query words it holds, how much of the name they cover, in order, the kind of name, synonym or not, and the code prior; README "Search").',
  })
  score!: number;

  @Field(() => String, {
    description:
      'Why it matched: EXACT_CODE, CODE_PREFIX; for words, on the best-matching name (title or other, see matchedName): TITLE_PHRASE (every word, in order), ALL_WORDS, ANY_WORD (some words), FUZZY (with typos; only when the exact words found fewer than 5 codes).',
  })
  matchedBy!: string;

  @Field(() => SearchMatchedName, { nullable: true, description: 'The name of the code that matched the words, with its kind, source, highlight and synonym; null for code matches.' })
  matchedName!: SearchMatchedName | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of search hits.' })
export class CodeSearchConnection {
  @Field(() => [CodeSearchEdge])
  edges!: CodeSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description:
      'How many codes match. Each text source (titles, other names, any word) takes at most 1,000 Lucene candidates (any word: 300; 50,000 with a systems or billableOnly filter) and keeps its best 250 after the filters, so for a very broad query this is a lower bound.',
  })
  totalCount!: number;

  @Field(() => [SystemCount], { description: 'How many matches each code system holds.' })
  bySystem!: SystemCount[];
}

@ObjectType({ simpleResolvers: true, description: 'An autocomplete term: an index main term, a PCS index term, a short category title or a synonym.' })
export class SearchSuggestion {
  @Field(() => String, { description: 'The term as the index or our synonym list writes it.' })
  text!: string;

  @Field(() => Int, { description: 'How many codes the term leads to (0 for a synonym, which leads through its expansion).' })
  codes!: number;

  @Field(() => String, { description: 'The term, HTML-escaped, with the typed word starts wrapped in <mark></mark>.' })
  highlight!: string;
}
