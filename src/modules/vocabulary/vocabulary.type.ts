import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection.type';
import { Code, CodeModel, RiskFrequency } from '../code/code.type';
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

@ObjectType({ description: 'A body system or tissue a procedure works on (integumentary system, muscles, nerves).' })
export class BodySystem {
  key!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'Tools and equipment the procedure description names.' })
export class Equipment {
  key!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'A risk of a code, with how often the page says it occurs.' })
export class CodeRisk {
  @Field(() => Risk, { description: 'The risk, shared by every page that names it.' })
  risk!: TermModel;

  @Field(() => RiskFrequency, { description: 'COMMON or RARE, as the page lists it.' })
  frequency!: RiskFrequency;

  @Field(() => String, { description: 'The risk as the page words it ("Mild pain at the injection site").' })
  text!: string;
}

@ObjectType({ description: 'An alternative to a procedure.' })
export class Alternative {
  key!: string;
  codeRef!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the page says of it.' })
  description!: string | null;
}

@ObjectType({ description: 'A code like another one, with the reasons.' })
export class SimilarCode {
  @Field(() => Code, { description: 'The similar code.' })
  code!: CodeModel;

  @Field(() => Float, { description: '0..1, higher is more similar. See README "Similar codes" for the formula.' })
  score!: number;

  @Field(() => [Risk], { description: 'Risks both codes have.' })
  sharedRisks!: TermModel[];

  @Field(() => [BodyRegion], { description: 'Body regions both codes work on (a sub-region counts toward its parent).' })
  sharedBodyRegions!: TermModel[];

  @Field(() => [PersonnelRole], { description: 'Roles both codes need.' })
  sharedPersonnel!: TermModel[];

  @Field(() => [Setting], { description: 'Settings both codes are performed in.' })
  sharedSettings!: TermModel[];

  @Field(() => Boolean, { description: 'True when a code page lists it under Similar Codes.' })
  listed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Closeness in the code hierarchy: 1 for a parent, child or sibling code, 2 for a cousin (same grandparent); null otherwise.' })
  hierarchyDistance!: number | null;
}

@ObjectType({ description: 'A code sharing risks with another.' })
export class SharedRiskMatch {
  @Field(() => Code, { description: 'The other code.' })
  code!: CodeModel;

  @Field(() => [Risk], { description: 'The risks both codes have.' })
  sharedRisks!: TermModel[];
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
