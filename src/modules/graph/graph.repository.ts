import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database } from '../../neo4j/database';
import { codeRef, NodeType, splitCodeRef, toGlobalId } from '../common/global-id';
import type { GraphEdge, GraphNode, Subgraph } from './graph.type';

const Q = {
  start: cypherQuery('graph/find-start-node'),
  expand: cypherQuery('graph/expand-neighborhood'),
};

interface Row {
  eid: string;
  label: string;
  key: string | null;
  system: string | null;
  codeKey: string | null;
  name: string | null;
  code: string | null;
}

function toGraphNode(r: Row): GraphNode {
  if (r.label === 'Code') {
    const ref = codeRef(String(r.system), String(r.codeKey));
    return { id: toGlobalId('Code', ref), label: 'Code', name: `${r.system} ${r.code ?? r.codeKey}: ${r.name ?? ''}`.trim() };
  }
  return { id: toGlobalId(r.label as NodeType, String(r.key)), label: r.label, name: String(r.name ?? r.key) };
}

/**
 * Breadth-first neighbourhood of the node named by (type, key): one query per level,
 * so a depth-3 view costs 4 round trips whatever its size. Returns null when the node
 * does not exist. `truncated` is true when `limit` nodes were reached with more to see.
 */
export async function loadNeighborhood(db: Database, type: NodeType, key: string, depth: number, limit: number): Promise<Subgraph | null> {
  const ref = type === 'Code' ? splitCodeRef(key) : { system: null, codeKey: null };
  const [start] = await db.read<Row>(Q.start, { label: type, key, system: ref.system, codeKey: ref.codeKey });
  if (!start) return null;
  const nodes = new Map<string, GraphNode>([[start.eid, toGraphNode(start)]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [start.eid];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const rows = await db.read<Row & { source: string; target: string; type: string }>(Q.expand, { frontier, edgeLimit: limit * 5 + 50 });
    if (rows.length >= limit * 5 + 50) truncated = true;
    const next: string[] = [];
    for (const r of rows) {
      if (!nodes.has(r.eid)) {
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(r.eid, toGraphNode(r));
        next.push(r.eid);
      }
      const s = nodes.get(r.source);
      const t = nodes.get(r.target);
      if (s && t) edges.set(`${r.source}|${r.type}|${r.target}`, { source: s.id, target: t.id, type: r.type });
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
