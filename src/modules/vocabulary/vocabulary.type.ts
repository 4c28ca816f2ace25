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

@ObjectType({ implements: Node, description: 'A risk or complication; pages that name it in any wording share this one node.' })
export class Risk extends Node {
  key!: string;

  @Field(() => String, { description: 'Canonical name from the vocabulary.' })
  name!: string;

  @Field(() => [String], { description: 'Other wordings that map to this risk.' })
  synonyms!: string[];

  @Field(() => Boolean, { description: 'True when the risk is in the curated vocabulary; false when it was first seen on a page.' })
  curated!: boolean;
}

@ObjectType({ implements: Node, description: 'A body region; regions form a tree (scalp under head, back under trunk).' })
export class BodyRegion extends Node {
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Other wordings that map to this region ("posterior trunk" for the back).' })
  synonyms!: string[];

  @Field(() => Boolean)
  curated!: boolean;
}

@ObjectType({ implements: Node, description: 'A role on the care team.' })
export class PersonnelRole extends Node {
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  synonyms!: string[];

  @Field(() => Boolean)
  curated!: boolean;
}

@ObjectType({ implements: Node, description: 'Where a procedure is performed.' })
export class Setting extends Node {
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  synonyms!: string[];

  @Field(() => Boolean)
  curated!: boolean;
}

@ObjectType({ implements: Node, description: 'A reason to perform a procedure, as a page words it.' })
export class Indication extends Node {
  key!: string;
  name!: string;

  @Field(() => String, { description: 'The indication as written on the page.' })
  text!: string;
}

@ObjectType({ implements: Node, description: 'A health-plan policy that covers codes.' })
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

@ObjectType({ description: 'A risk with how many codes have it.' })
export class RiskEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Risk)
  node!: TermModel;

  @Field(() => Int, { description: 'How many codes list this risk.' })
  codeCount!: number;
}

@ObjectType({ description: 'A page of risks, most widely shared first.' })
export class RiskConnection {
  @Field(() => [RiskEdge])
  edges!: RiskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
