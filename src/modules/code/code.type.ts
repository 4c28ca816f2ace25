import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CodeSystem } from '../../domain/code-system';
import { PageInfo } from '../common/connection.type';
import { Node } from '../node/node.interface';

registerEnumType(CodeSystem, {
  name: 'CodeSystem',
  description: 'The code systems the graph holds.',
  valuesConfig: {
    CPT: { description: 'CPT (AMA): procedures and services. Only sample pages are shipped.' },
    HCPCS: { description: 'HCPCS Level II (CMS): supplies, drugs and services not in CPT; modifiers.' },
    ICD10CM: { description: 'ICD-10-CM (CDC/NCHS): diagnoses.' },
    ICD10PCS: { description: 'ICD-10-PCS (CMS): inpatient procedures.' },
  },
});

export enum RiskFrequency {
  COMMON = 'COMMON',
  RARE = 'RARE',
}
registerEnumType(RiskFrequency, {
  name: 'RiskFrequency',
  description: 'How often a code page says a risk occurs.',
  valuesConfig: { COMMON: { description: 'Listed under "Common:".' }, RARE: { description: 'Listed under "Rare:".' } },
});

/** Plain data of a Code node as repositories return it (lives for one request). */
export interface CodeModel {
  nodeType: 'Code';
  id: string;
  ref: string;
  system: CodeSystem;
  code: string;
  codeKey: string;
  title: string;
  shortTitle: string | null;
  commonName: string | null;
  fullName: string | null;
  pageTitle: string | null;
  billable: boolean;
  active: boolean;
  level: string | null;
  hasPage: boolean;
  summary: string | null;
  purpose: string | null;
  preparation: string[];
  steps: string[];
  durationText: string | null;
  durationMinMinutes: number | null;
  durationMaxMinutes: number | null;
  settingText: string | null;
  riskManagement: string | null;
  benefits: string[];
  recovery: string[];
  patientExperience: string | null;
  addedDate: string | null;
  terminationDate: string | null;
  /**
   * True for a light row from a list query: the page-text fields (summary, steps, ...)
   * were not read and are loaded on demand when a request asks for them.
   */
  light: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'How long the procedure takes.' })
export class Duration {
  @Field(() => String, { description: 'As written on the page.' })
  text!: string;

  @Field(() => Int, { nullable: true, description: 'Shortest duration the page states, in minutes; null when it states none.' })
  minMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Longest duration the page states, in minutes; null when open-ended ("to several hours").' })
  maxMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A code of one code system, with everything its code page says.' })
export class Code extends Node implements Omit<CodeModel, 'nodeType'> {
  light!: boolean;
  ref!: string;
  codeKey!: string;
  fullName!: string | null;
  pageTitle!: string | null;
  level!: string | null;
  durationText!: string | null;
  durationMinMinutes!: number | null;
  durationMaxMinutes!: number | null;
  settingText!: string | null;

  @Field(() => CodeSystem, { description: 'The code system.' })
  system!: CodeSystem;

  @Field(() => String, { description: 'As published, with the dot for ICD-10-CM (R42, M62.830).' })
  code!: string;

  @Field(() => String, {
    description: "The official descriptor (for CPT sample pages, our own description; for a code only named by a page's Similar Codes or Alternatives, that page's wording or the code itself).",
  })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The short descriptor of the release file, when it has one.' })
  shortTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'The everyday name, when the page gives one.' })
  commonName!: string | null;

  @Field(() => Boolean, { description: 'False for ICD header rows (categories that cannot be billed), chapters, blocks and modifiers.' })
  billable!: boolean;

  @Field(() => Boolean, { description: 'False for HCPCS codes with a termination date (kept as history).' })
  active!: boolean;

  @Field(() => Boolean, { description: 'True when a code page has been imported for this code.' })
  hasPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Date the code was added (HCPCS), ISO yyyy-mm-dd.' })
  addedDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Last date the code could be used (HCPCS), ISO yyyy-mm-dd; null while active.' })
  terminationDate!: string | null;

  // Page text: resolved by CodeResolver, which loads it for light list rows.
  summary!: string | null;
  purpose!: string | null;
  preparation!: string[];
  steps!: string[];
  riskManagement!: string | null;
  benefits!: string[];
  recovery!: string[];
  patientExperience!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One edge of a code connection.' })
export class CodeEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this edge.' })
  cursor!: string;

  @Field(() => Code)
  node!: CodeModel;
}

@ObjectType({ simpleResolvers: true, description: 'A page of codes.' })
export class CodeConnection {
  @Field(() => [CodeEdge])
  edges!: CodeEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many codes the whole list holds.' })
  totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A count per code system.' })
export class SystemCount {
  @Field(() => CodeSystem)
  system!: CodeSystem;

  @Field(() => Int)
  count!: number;
}
