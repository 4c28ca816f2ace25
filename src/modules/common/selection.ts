import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the request asks, below the field being resolved, for `path` (field names,
 * outermost first), through fragments and inline fragments. Resolvers use it to read
 * a nested relationship in the same batch query as its parent (one round trip less
 * per level). @skip/@include are not evaluated: a skipped field is read, not resolved,
 * which costs a little work and never a wrong answer.
 *
 * Written here (20 lines) rather than taken from graphql-parse-resolve-info or
 * graphql-fields: those build the whole typed selection tree on every call, and this
 * only needs yes or no for one path. Fragment cycles cannot occur (GraphQL validation
 * rejects them before execution), so the walk ends.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  // The answer depends on the document only, and a field of a list is resolved once per item:
  // kept per field node (the node objects of a cached document are reused by every request).
  // Several nodes under one response key are merged per execution (@skip/@include), so only
  // the one-node case is kept.
  if (info.fieldNodes.length !== 1) return walkSelects(info, path);
  const node = info.fieldNodes[0]!;
  let known = answers.get(node);
  if (!known) answers.set(node, (known = new Map<string, boolean>()));
  const key = path.join('.');
  let yes = known.get(key);
  if (yes === undefined) known.set(key, (yes = walkSelects(info, path)));
  return yes;
}

const answers = new WeakMap<FieldNode, Map<string, boolean>>();

function walkSelects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const walk = (sets: readonly SelectionSetNode[], depth: number): boolean => {
    for (const set of sets) {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value !== path[depth]) continue;
          if (depth === path.length - 1) return true;
          if (sel.selectionSet && walk([sel.selectionSet], depth + 1)) return true;
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          if (walk([sel.selectionSet], depth)) return true;
        } else {
          const fragment = info.fragments[sel.name.value];
          if (fragment && walk([fragment.selectionSet], depth)) return true;
        }
      }
    }
    return false;
  };
  return (
    path.length > 0 &&
    walk(
      info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
      0,
    )
  );
}

/**
 * The field nodes named `name` directly below the field being resolved (through fragments
 * and inline fragments; aliases included, so one name may come back several times with
 * different arguments). Same walk as `selects`, one level deep.
 */
export function childFields(info: GraphQLResolveInfo, name: string): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === name) out.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else {
        const fragment = info.fragments[sel.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  for (const n of info.fieldNodes) if (n.selectionSet) walk(n.selectionSet);
  return out;
}

/**
 * The field nodes at `path` below the field being resolved (each step through fragments and
 * aliases): `['risks', 'risk', 'codes']` gives every `codes` field under every `risk` under
 * every `risks`. Used to read nested arguments when a statement is built for a whole subtree.
 */
export function fieldsAtPath(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) next.push(...childFields({ ...info, fieldNodes: [node] }, name));
    level = next;
  }
  return [...level];
}
