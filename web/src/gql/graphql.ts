/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The code systems the graph holds. */
export type CodeSystem =
  /** CPT (AMA): procedures and services. Only sample pages are shipped. */
  | 'CPT'
  /** HCPCS Level II (CMS): supplies, drugs and services not in CPT; modifiers. */
  | 'HCPCS'
  /** ICD-10-CM (CDC/NCHS): diagnoses. */
  | 'ICD10CM'
  /** ICD-10-PCS (CMS): inpatient procedures. */
  | 'ICD10PCS';

/** How often a code page says a risk occurs. */
export type RiskFrequency =
  /** Listed under "Common:". */
  | 'COMMON'
  /** Listed under "Rare:". */
  | 'RARE';

export type CodePageViewQueryVariables = Exact<{
  system: CodeSystem;
  code: string;
}>;


export type CodePageViewQuery = { code: { id: string, system: CodeSystem, code: string, title: string, shortTitle: string | null, commonName: string | null, fullName: string | null, billable: boolean, active: boolean, hasPage: boolean, addedDate: string | null, terminationDate: string | null, summary: string | null, purpose: string | null, preparation: Array<string>, steps: Array<string>, settingText: string | null, riskManagement: string | null, benefits: Array<string>, recovery: Array<string>, patientExperience: string | null, indications: Array<{ id: string, text: string, diagnosisCodes: Array<{ system: CodeSystem, code: string, title: string }> }>, equipment: Array<{ name: string }>, duration: { text: string, minMinutes: number | null, maxMinutes: number | null } | null, settings: Array<{ id: string, name: string }>, personnel: Array<{ id: string, name: string }>, risks: Array<{ frequency: RiskFrequency, text: string, risk: { id: string, name: string, diagnosisCodes: Array<{ system: CodeSystem, code: string, title: string }> } }>, alternatives: Array<{ name: string, description: string | null, code: { system: CodeSystem, code: string, title: string } | null }>, bodyRegions: Array<{ id: string, name: string, parent: { name: string } | null }>, bodySystems: Array<{ name: string }>, policies: Array<{ id: string, title: string, payer: string | null, url: string | null }>, ancestors: Array<{ system: CodeSystem, code: string, title: string }>, children: Array<{ system: CodeSystem, code: string, title: string, billable: boolean }>, similarCodes: Array<{ score: number, listed: boolean, hierarchyDistance: number | null, code: { system: CodeSystem, code: string, title: string }, sharedRisks: Array<{ name: string }>, sharedBodyRegions: Array<{ name: string }>, sharedPersonnel: Array<{ name: string }>, sharedSettings: Array<{ name: string }> }>, codesSharingRisks: Array<{ code: { system: CodeSystem, code: string, title: string }, sharedRisks: Array<{ name: string }> }> } | null };

export type CodeNodeIdQueryVariables = Exact<{
  system: CodeSystem;
  code: string;
}>;


export type CodeNodeIdQuery = { code: { id: string, system: CodeSystem, code: string, title: string } | null };

export type NeighborhoodViewQueryVariables = Exact<{
  id: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type NeighborhoodViewQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, label: string, name: string }>, edges: Array<{ source: string, target: string, type: string }> } };

export type NodeTargetQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeTargetQuery = { node:
    | { __typename: 'BodyRegion', id: string }
    | { __typename: 'Code', system: CodeSystem, code: string, id: string }
    | { __typename: 'Indication', id: string }
    | { __typename: 'PersonnelRole', id: string }
    | { __typename: 'Policy', id: string }
    | { __typename: 'Risk', id: string }
    | { __typename: 'Setting', id: string }
   | null };

export type RegionTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionTreeQuery = { bodyRegions: Array<{ id: string, name: string, codes: { totalCount: number }, children: Array<{ id: string, name: string, codes: { totalCount: number }, children: Array<{ id: string, name: string, codes: { totalCount: number }, children: Array<{ id: string, name: string, codes: { totalCount: number } }> }> }> }> };

export type RegionCodesViewQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RegionCodesViewQuery = { node:
    | { __typename: 'BodyRegion', name: string, id: string, parent: { id: string, name: string } | null, codes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, system: CodeSystem, code: string, title: string } }> } }
    | { __typename: 'Code', id: string }
    | { __typename: 'Indication', id: string }
    | { __typename: 'PersonnelRole', id: string }
    | { __typename: 'Policy', id: string }
    | { __typename: 'Risk', id: string }
    | { __typename: 'Setting', id: string }
   | null };

export type SearchCodesQueryVariables = Exact<{
  query: string;
  systems?: Array<CodeSystem> | CodeSystem | null | undefined;
  billableOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchCodesQuery = { search: { totalCount: number, bySystem: Array<{ system: CodeSystem, count: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, matchedBy: string, highlight: string | null, node: { id: string, system: CodeSystem, code: string, title: string, billable: boolean, active: boolean, hasPage: boolean } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CodePageViewDocument = new TypedDocumentString(`
    query CodePageView($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    id
    system
    code
    title
    shortTitle
    commonName
    fullName
    billable
    active
    hasPage
    addedDate
    terminationDate
    summary
    purpose
    indications {
      id
      text
      diagnosisCodes {
        system
        code
        title
      }
    }
    preparation
    steps
    equipment {
      name
    }
    duration {
      text
      minMinutes
      maxMinutes
    }
    settingText
    settings {
      id
      name
    }
    personnel {
      id
      name
    }
    risks {
      frequency
      text
      risk {
        id
        name
        diagnosisCodes {
          system
          code
          title
        }
      }
    }
    riskManagement
    benefits
    recovery
    alternatives {
      name
      description
      code {
        system
        code
        title
      }
    }
    patientExperience
    bodyRegions {
      id
      name
      parent {
        name
      }
    }
    bodySystems {
      name
    }
    policies {
      id
      title
      payer
      url
    }
    ancestors {
      system
      code
      title
    }
    children {
      system
      code
      title
      billable
    }
    similarCodes(first: 10) {
      score
      listed
      hierarchyDistance
      code {
        system
        code
        title
      }
      sharedRisks {
        name
      }
      sharedBodyRegions {
        name
      }
      sharedPersonnel {
        name
      }
      sharedSettings {
        name
      }
    }
    codesSharingRisks(minShared: 2, first: 10) {
      code {
        system
        code
        title
      }
      sharedRisks {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CodePageViewQuery, CodePageViewQueryVariables>;
export const CodeNodeIdDocument = new TypedDocumentString(`
    query CodeNodeId($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    id
    system
    code
    title
  }
}
    `) as unknown as TypedDocumentString<CodeNodeIdQuery, CodeNodeIdQueryVariables>;
export const NeighborhoodViewDocument = new TypedDocumentString(`
    query NeighborhoodView($id: ID!, $depth: Int = 1, $limit: Int = 60) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    nodes {
      id
      label
      name
    }
    edges {
      source
      target
      type
    }
  }
}
    `) as unknown as TypedDocumentString<NeighborhoodViewQuery, NeighborhoodViewQueryVariables>;
export const NodeTargetDocument = new TypedDocumentString(`
    query NodeTarget($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Code {
      system
      code
    }
  }
}
    `) as unknown as TypedDocumentString<NodeTargetQuery, NodeTargetQueryVariables>;
export const RegionTreeDocument = new TypedDocumentString(`
    query RegionTree {
  bodyRegions {
    id
    name
    codes(first: 0) {
      totalCount
    }
    children {
      id
      name
      codes(first: 0) {
        totalCount
      }
      children {
        id
        name
        codes(first: 0) {
          totalCount
        }
        children {
          id
          name
          codes(first: 0) {
            totalCount
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionTreeQuery, RegionTreeQueryVariables>;
export const RegionCodesViewDocument = new TypedDocumentString(`
    query RegionCodesView($id: ID!, $first: Int = 20, $after: String) {
  node(id: $id) {
    __typename
    id
    ... on BodyRegion {
      name
      parent {
        id
        name
      }
      codes(includeSubRegions: true, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            system
            code
            title
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionCodesViewQuery, RegionCodesViewQueryVariables>;
export const SearchCodesDocument = new TypedDocumentString(`
    query SearchCodes($query: String!, $systems: [CodeSystem!], $billableOnly: Boolean, $first: Int = 20, $after: String) {
  search(
    query: $query
    systems: $systems
    billableOnly: $billableOnly
    first: $first
    after: $after
  ) {
    totalCount
    bySystem {
      system
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      matchedBy
      highlight
      node {
        id
        system
        code
        title
        billable
        active
        hasPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCodesQuery, SearchCodesQueryVariables>;