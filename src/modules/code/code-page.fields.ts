import { cypherFragment } from '../../neo4j/cypher-files';
import { FieldNode, getNamedType, GraphQLNamedType, GraphQLResolveInfo, isInterfaceType, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * Which fields the whole operation asks of each GraphQL type, so the code-page statement
 * returns the properties those fields read and no others (a full node map, `{.*}`, costs
 * Neo4j property reads, Bolt bytes and decoding, and garbage, for fields nobody asked).
 *
 * Why the whole operation and not the subtree being resolved: the statement primes
 * per-request loaders keyed by code ref and term key, which any other field of the same
 * operation may hit (two aliases of `code`, `node(id:)`, a similar code that is also an
 * alternative). A projection that covers every field the operation can ask of a type is
 * right for all of them. @skip/@include are not evaluated (a superset: never a missing value).
 * Field names only select entries of the fixed tables below: the property names that reach the
 * statement are these constants, never text from the request.
 */
export type OperationFields = ReadonlyMap<string, ReadonlySet<string>>;

// Keyed by the operation node: Apollo keeps a parsed document per query text, so an operation
// sent again is walked once (entries go with the document when Apollo's cache drops it).
const cache = new WeakMap<OperationDefinitionNode, OperationFields>();

/** Field names by type name (`Code` -> {title, summary, ...}); interface fields under the interface's name. */
export function operationFields(info: GraphQLResolveInfo): OperationFields {
  const known = cache.get(info.operation);
  if (known) return known;
  const out = new Map<string, Set<string>>();
  const add = (type: string, field: string) => {
    let s = out.get(type);
    if (!s) out.set(type, (s = new Set()));
    s.add(field);
  };
  // A fragment spread reached again under the same type adds nothing new: walked once per type.
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) walkField(sel, parent);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, sel.typeCondition ? (info.schema.getType(sel.typeCondition.name.value) ?? parent) : parent);
      } else {
        const fragment = info.fragments[sel.name.value];
        const id = `${sel.name.value}|${parent.name}`;
        if (!fragment || seen.has(id)) continue;
        seen.add(id);
        walk(fragment.selectionSet, info.schema.getType(fragment.typeCondition.name.value) ?? parent);
      }
    }
  };
  const walkField = (node: FieldNode, parent: GraphQLNamedType) => {
    add(parent.name, node.name.value);
    if (!node.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) return;
    const def = parent.getFields()[node.name.value];
    if (def) walk(node.selectionSet, getNamedType(def.type));
  };
  const root = info.schema.getRootType(info.operation.operation);
  if (root) walk(info.operation.selectionSet, root);
  cache.set(info.operation, out);
  return out;
}

/**
 * The stored properties of a light code row, in the order cypher/fragments/light-code.cypher
 * lists them (the one place they are written). A Code field named like one of them reads it:
 * a new scalar added to the fragment, the type and the mapper is projected with no change here.
 */
const ALL_LIGHT = [...cypherFragment('light-code').matchAll(/\.(\w+)/g)].map((m) => m[1]!);

/** Always read: the model's identity (`id`, loader keys) and what the page-text check uses. */
const CODE_BASE = ['system', 'codeKey', 'hasPage'] as const;
/** Code fields whose values are stored properties of a light row (the rest are relationships or computed). */
const CODE_PROPS: Record<string, readonly string[]> = Object.fromEntries(ALL_LIGHT.filter((p) => !(CODE_BASE as readonly string[]).includes(p)).map((p) => [p, [p]]));

/** Page text: read for a light list row only on demand (CodeResolver.page). */
const PAGE_TEXT_PROPS: Record<string, readonly string[]> = {
  fullName: ['fullName'],
  pageTitle: ['pageTitle'],
  summary: ['summary'],
  purpose: ['purpose'],
  preparation: ['preparation'],
  steps: ['steps'],
  riskManagement: ['riskManagement'],
  benefits: ['benefits'],
  recovery: ['recovery'],
  patientExperience: ['patientExperience'],
  settingText: ['settingText'],
  duration: ['durationText', 'durationMinMinutes', 'durationMaxMinutes'],
};

/** Vocabulary types whose nodes the page statement maps (toTermModel, toSimpleTerm). */
export const TERM_TYPES = ['Risk', 'BodyRegion', 'PersonnelRole', 'Setting', 'Policy', 'Indication', 'BodySystem', 'Equipment'] as const;
export type TermType = (typeof TERM_TYPES)[number];
/** Always read: key (`id`, loader keys) and name (every vocabulary node has one; toTermModel's fallback for text and title). */
const TERM_BASE = ['key', 'name'] as const;
/** Read for a vocabulary type when a field of that name is asked of it. */
const TERM_OPTIONAL = ['synonyms', 'curated', 'text', 'title', 'payer', 'url'] as const;

/** The property lists of a code-page statement, from the operation's fields. */
export interface PageProjection {
  /** Props of a light list row (no page text). */
  lightCode: string[];
  /** Props of a whole code (the page's own code, an alternative's code): light props plus the page text asked. */
  fullCode: string[];
  /**
   * Props of a vocabulary node, per label: a type's optional props only when a field of that
   * name is asked of that type (a page's risks read no `payer` because its policies show one).
   * Safe per type: every term the statement reads sits under its own label's fields, and the
   * only interface, Node, asks `id` (the key, always read).
   */
  term: Record<TermType, string[]>;
  /** SimilarCode lists asked anywhere in the operation. */
  similarLists: { sharedRisks: boolean; sharedBodyRegions: boolean; sharedPersonnel: boolean; sharedSettings: boolean };
}

export function pageProjection(fields: OperationFields): PageProjection {
  const code = new Set([...(fields.get('Code') ?? [])]);
  const pick = (table: Record<string, readonly string[]>) =>
    Object.keys(table)
      .filter((f) => code.has(f))
      .flatMap((f) => table[f]!);
  const lightCode = [...CODE_BASE, ...pick(CODE_PROPS)];
  const termProps = (t: TermType) => [...TERM_BASE, ...TERM_OPTIONAL.filter((p) => fields.get(t)?.has(p) === true)];
  const similar = fields.get('SimilarCode') ?? new Set<string>();
  return {
    lightCode,
    fullCode: [...lightCode, ...pick(PAGE_TEXT_PROPS)],
    term: Object.fromEntries(TERM_TYPES.map((t) => [t, termProps(t)])) as Record<TermType, string[]>,
    similarLists: {
      sharedRisks: similar.has('sharedRisks'),
      sharedBodyRegions: similar.has('sharedBodyRegions'),
      sharedPersonnel: similar.has('sharedPersonnel'),
      sharedSettings: similar.has('sharedSettings'),
    },
  };
}

/** Every property: for callers without a selection (tests, tools) the statement reads as before. */
export const FULL_PROJECTION: PageProjection = {
  lightCode: ALL_LIGHT,
  fullCode: [...ALL_LIGHT, ...Object.values(PAGE_TEXT_PROPS).flat()],
  term: Object.fromEntries(TERM_TYPES.map((t) => [t, [...TERM_BASE, ...TERM_OPTIONAL]])) as Record<TermType, string[]>,
  similarLists: { sharedRisks: true, sharedBodyRegions: true, sharedPersonnel: true, sharedSettings: true },
};
