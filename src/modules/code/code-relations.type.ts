import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BodyRegion, PersonnelRole, Risk, Setting, type TermModel } from '../vocabulary/vocabulary.type';
import { Code, type CodeModel, RiskFrequency } from './code.type';

/*
 * The types that hang off a Code (its risks with their frequency, alternatives, similar codes,
 * codes sharing risks, body systems, equipment). They live beside Code, not in vocabulary/,
 * because only Code's fields return them; vocabulary/ keeps the shared term nodes they point at.
 */

@ObjectType({ simpleResolvers: true, description: 'A body system or tissue a procedure works on (integumentary system, muscles, nerves).' })
export class BodySystem {
  key!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Tools and equipment the procedure description names.' })
export class Equipment {
  key!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A risk of a code, with how often the page says it occurs.' })
export class CodeRisk {
  @Field(() => Risk, { description: 'The risk, shared by every page that names it.' })
  risk!: TermModel;

  @Field(() => RiskFrequency, { description: 'COMMON or RARE, as the page lists it.' })
  frequency!: RiskFrequency;

  @Field(() => String, { description: 'The risk as the page words it ("Mild pain at the injection site").' })
  text!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An alternative to a procedure.' })
export class Alternative {
  key!: string;
  codeRef!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the page says of it.' })
  description!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A code like another one, with the reasons.' })
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

@ObjectType({ simpleResolvers: true, description: 'A code sharing risks with another.' })
export class SharedRiskMatch {
  @Field(() => Code, { description: 'The other code.' })
  code!: CodeModel;

  @Field(() => [Risk], { description: 'The risks both codes have.' })
  sharedRisks!: TermModel[];
}
