import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection.type';
import { Node } from '../node/node.interface';

/** Plain data of a vocabulary node (Risk, BodyRegion, ...) as repositories return it. */
export interface TermModel {
  nodeType: 'Risk' | 'BodyRegion' | 'PersonnelRole' | 'Setting' | 'Indication' | 'Policy';
  id: string;
  key: string;
  name: string;
  synonyms: string[];
  /** True when the term comes from the curated vocabulary (seeds/vocabulary), false when first seen on a page. */
  curated: boolean;
}

/** Descriptions of a term type and its fields, as the SDL shows them. */
interface TermTypeDescriptions {
  type: string;
  name?: string;
  synonyms?: string;
  curated?: string;
}

/**
 * The four vocabulary term node types (Risk, BodyRegion, PersonnelRole, Setting) share one shape:
 * key (not exposed), name, synonyms, curated. This builds one such GraphQL object type; only the
 * type's name and the descriptions differ. Each call registers a new type with type-graphql.
 */
function termType(typeName: 'Risk' | 'BodyRegion' | 'PersonnelRole' | 'Setting', d: TermTypeDescriptions) {
  @ObjectType(typeName, { simpleResolvers: true, implements: Node, description: d.type })
  class Term extends Node {
    key!: string;

    @Field(() => String, { description: d.name })
    name!: string;

    @Field(() => [String], { description: d.synonyms })
    synonyms!: string[];

    @Field(() => Boolean, { description: d.curated })
    curated!: boolean;
  }
  return Term;
}

export const Risk = termType('Risk', {
  type: 'A risk or complication; pages that name it in any wording share this one node.',
  name: 'Canonical name from the vocabulary.',
  synonyms: 'Other wordings that map to this risk.',
  curated: 'True when the risk is in the curated vocabulary; false when it was first seen on a page.',
});
export type Risk = InstanceType<typeof Risk>;

export const BodyRegion = termType('BodyRegion', {
  type: 'A body region; regions form a tree (scalp under head, back under trunk).',
  synonyms: 'Other wordings that map to this region ("posterior trunk" for the back).',
});
export type BodyRegion = InstanceType<typeof BodyRegion>;

export const PersonnelRole = termType('PersonnelRole', { type: 'A role on the care team.' });
export type PersonnelRole = InstanceType<typeof PersonnelRole>;

export const Setting = termType('Setting', { type: 'Where a procedure is performed.' });
export type Setting = InstanceType<typeof Setting>;

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A reason to perform a procedure, as a page words it.' })
export class Indication extends Node {
  key!: string;
  name!: string;

  @Field(() => String, { description: 'The indication as written on the page.' })
  text!: string;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A health-plan policy that covers codes.' })
export class Policy extends Node {
  key!: string;
  name!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  payer!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A risk with how many codes have it.' })
export class RiskEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Risk)
  node!: TermModel;

  @Field(() => Int, { description: 'How many codes list this risk.' })
  codeCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A page of risks, most widely shared first.' })
export class RiskConnection {
  @Field(() => [RiskEdge])
  edges!: RiskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
