import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/connection.type';
import { Code, type CodeModel } from '../code/code.type';

export enum CodeChangeKind {
  ADDED = 'ADDED',
  DELETED = 'DELETED',
  RETITLED = 'RETITLED',
}
registerEnumType(CodeChangeKind, {
  name: 'CodeChangeKind',
  description: 'How a code changed between two releases of its code set.',
  valuesConfig: {
    ADDED: { description: 'In the later release, not in the earlier one.' },
    DELETED: { description: 'In the earlier release, not in the later one (kept as an inactive code).' },
    RETITLED: { description: 'In both, with a different long title.' },
  },
});

/** A code's release-file facts in one release (plain data, per request). */
export interface CodeReleaseStateModel {
  release: string;
  title: string;
  shortTitle: string | null;
  billable: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What a code's release file said about it in one release." })
export class CodeReleaseState implements CodeReleaseStateModel {
  @Field(() => String, { description: 'The release, e.g. FY2025.' })
  release!: string;

  @Field(() => String, { description: 'Long title in that release.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Short title in that release.' })
  shortTitle!: string | null;

  @Field(() => Boolean, { description: 'Billable (valid flag 1) in that release.' })
  billable!: boolean;
}

/** One title of a code over the releases it held (per request). */
export interface CodeTitleVersionModel {
  title: string;
  shortTitle: string | null;
  billable: boolean;
  firstRelease: string;
  lastRelease: string;
}

@ObjectType({ simpleResolvers: true, description: 'A title a code held, with the releases it held it in.' })
export class CodeTitleVersion implements CodeTitleVersionModel {
  @Field(() => String, { description: 'Long title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Short title.' })
  shortTitle!: string | null;

  @Field(() => Boolean, { description: 'Billable in those releases.' })
  billable!: boolean;

  @Field(() => String, { description: 'First release with this title.' })
  firstRelease!: string;

  @Field(() => String, { description: 'Last release with this title.' })
  lastRelease!: string;
}

/** A conversion-table edge as the API returns it (per request). */
export interface CodeReplacementModel {
  release: string;
  code: CodeModel;
}

@ObjectType({ simpleResolvers: true, description: 'A REPLACED_BY edge of the official conversion table.' })
export class CodeReplacement implements CodeReplacementModel {
  @Field(() => String, { description: 'The release the new code took effect in, e.g. FY2026.' })
  release!: string;

  @Field(() => Code, { description: 'The code at the other end of the edge.' })
  code!: CodeModel;
}

/** One change between two releases (per request). */
export interface CodeChangeModel {
  kind: CodeChangeKind;
  code: CodeModel;
  before: CodeReleaseStateModel | null;
  after: CodeReleaseStateModel | null;
}

@ObjectType({ simpleResolvers: true, description: 'A code that changed between two releases.' })
export class CodeChange implements CodeChangeModel {
  @Field(() => CodeChangeKind, { description: 'How it changed.' })
  kind!: CodeChangeKind;

  @Field(() => Code, { description: 'The code (its current state; see before / after for the two releases).' })
  code!: CodeModel;

  @Field(() => CodeReleaseState, { nullable: true, description: 'Its state in the earlier release; null when ADDED.' })
  before!: CodeReleaseStateModel | null;

  @Field(() => CodeReleaseState, { nullable: true, description: 'Its state in the later release; null when DELETED.' })
  after!: CodeReleaseStateModel | null;
}

@ObjectType({ simpleResolvers: true, description: 'One edge of a code-change connection.' })
export class CodeChangeEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this edge.' })
  cursor!: string;

  @Field(() => CodeChange)
  node!: CodeChangeModel;
}

@ObjectType({ simpleResolvers: true, description: 'A page of code changes, in code order.' })
export class CodeChangeConnection {
  @Field(() => [CodeChangeEdge])
  edges!: CodeChangeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many codes changed this way between the two releases.' })
  totalCount!: number;
}
