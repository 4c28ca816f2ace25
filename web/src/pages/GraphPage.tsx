import { useCallback, useEffect, useState } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { GraphCanvas, type GraphEdgeView, type GraphNodeView } from '../components/GraphCanvas';
import { GraphLegend } from '../components/GraphLegend';
import { GraphNodeList } from '../components/GraphNodeList';
import { ErrorMessage, Loading } from '../components/QueryStatus';
import { CodeNodeIdDocument, NeighborhoodViewDocument, NodeTargetDocument } from '../gql/graphql';
import { codePath, parseSystem, systemLabel } from '../lib/code-systems';
import { ApiError, request } from '../lib/graphql-client';
import { nodeGraphPath, regionPath } from '../lib/paths';
import { useDocumentTitle } from '../lib/use-document-title';
import { useQuery } from '../lib/use-query';

/** Nodes fetched around the centre, and around each expanded node. */
const FIRST_LIMIT = 60;
const EXPAND_LIMIT = 40;
/** The view stops growing here (the API itself returns at most 500 per call). */
export const MAX_NODES = 300;

interface GraphState {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  truncated: boolean;
}

function merge(state: GraphState, sub: { nodes: { id: string; label: string; name: string }[]; edges: GraphEdgeView[]; truncated: boolean }, expandedId: string): GraphState {
  const have = new Set(state.nodes.map((n) => n.id));
  const nodes = state.nodes.map((n) => (n.id === expandedId ? { ...n, expanded: true } : n));
  let capped = false;
  for (const n of sub.nodes) {
    if (have.has(n.id)) continue;
    if (nodes.length >= MAX_NODES) {
      capped = true;
      continue;
    }
    nodes.push({ ...n, expanded: false, centre: false });
    have.add(n.id);
  }
  const edgeKeys = new Set(state.edges.map((e) => `${e.source}|${e.type}|${e.target}`));
  const edges = [...state.edges];
  for (const e of sub.edges) {
    const k = `${e.source}|${e.type}|${e.target}`;
    if (!edgeKeys.has(k) && have.has(e.source) && have.has(e.target)) {
      edges.push(e);
      edgeKeys.add(k);
    }
  }
  return { nodes, edges, truncated: state.truncated || sub.truncated || capped };
}

/** Draws the neighbourhood of one node; expanding adds the neighbourhood of another. */
function Neighbourhood({ centreId, centreName }: { centreId: string; centreName: string }) {
  const [, navigate] = useLocation();
  const [graph, setGraph] = useState<GraphState | null>(null);
  const [selected, setSelected] = useState<string | null>(centreId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    setGraph(null);
    setError(null);
    request(NeighborhoodViewDocument, { id: centreId, depth: 1, limit: FIRST_LIMIT }, controller.signal).then(
      (d) => {
        const nodes = d.neighborhood.nodes.map((n) => ({ ...n, expanded: n.id === centreId, centre: n.id === centreId }));
        setGraph({ nodes, edges: d.neighborhood.edges, truncated: d.neighborhood.truncated });
        setStatus(`${nodes.length} nodes around ${centreName}`);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(err instanceof ApiError ? err : new ApiError(String(err), null));
      },
    );
    return () => controller.abort();
  }, [centreId, centreName]);

  const expand = useCallback(
    async (id: string) => {
      setSelected(id);
      const node = graph?.nodes.find((n) => n.id === id);
      if (!graph || !node || node.expanded || busy) return;
      setBusy(true);
      try {
        const d = await request(NeighborhoodViewDocument, { id, depth: 1, limit: EXPAND_LIMIT });
        const next = merge(graph, d.neighborhood, id);
        setGraph(next);
        setStatus(`Expanded ${node.name}: ${next.nodes.length - graph.nodes.length} nodes added, ${next.nodes.length} in all`);
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(String(err), null));
      } finally {
        setBusy(false);
      }
    },
    [graph, busy],
  );

  const open = useCallback(
    async (id: string) => {
      try {
        const { node } = await request(NodeTargetDocument, { id });
        if (node?.__typename === 'Code') navigate(codePath(node.system, node.code));
        else if (node?.__typename === 'BodyRegion') navigate(regionPath(node.id));
        else navigate(nodeGraphPath(id));
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(String(err), null));
      }
    },
    [navigate],
  );

  if (error && !graph) return <ErrorMessage error={error} what="the graph" />;
  if (!graph) return <Loading what="the graph" />;
  return (
    <div className="graph-layout">
      <div className="graph-main">
        <p className="hint">Click a node to expand it; double-click to open it. The list offers the same with the keyboard.</p>
        <GraphCanvas nodes={graph.nodes} edges={graph.edges} selected={selected} onTap={(id) => void expand(id)} onDoubleTap={(id) => void open(id)} />
        <GraphLegend labels={new Set(graph.nodes.map((n) => n.label))} />
        <p role="status" className="graph-status" data-node-count={graph.nodes.length}>
          {status}
          {graph.truncated ? ` (limited: not every neighbour is shown; at most ${MAX_NODES} nodes)` : ''}
        </p>
        {error ? <ErrorMessage error={error} what="more of the graph" /> : null}
      </div>
      <GraphNodeList nodes={graph.nodes} selected={selected} busy={busy} onExpand={(id) => void expand(id)} onOpen={(id) => void open(id)} />
    </div>
  );
}

/** `/graph/:system/:code` (around a code) and `/graph?id=...` (around any node). */
export default function GraphPage() {
  const params = useParams<{ system?: string; code?: string }>();
  const search = useSearch();
  const idParam = new URLSearchParams(search).get('id');
  const system = parseSystem(params.system);
  const code = params.code ? decodeURIComponent(params.code) : null;
  const lookup = useQuery(CodeNodeIdDocument, system && code && !idParam ? { system, code } : null);

  const found = lookup.status === 'done' ? lookup.data.code : null;
  const centreId = idParam ?? found?.id ?? null;
  const centreName = found ? `${systemLabel(found.system)} ${found.code}` : idParam ? 'this node' : '';
  useDocumentTitle(found ? `Graph: ${systemLabel(found.system)} ${found.code}` : 'Graph');

  let body;
  if (!idParam && !(system && code)) body = <p>Open the graph from a code page, or go to /graph/CPT/00300.</p>;
  else if (lookup.status === 'error') body = <ErrorMessage error={lookup.error} what="the code" onRetry={lookup.retry} />;
  else if (!idParam && lookup.status === 'done' && !found)
    body = (
      <p role="alert">
        There is no {system ? systemLabel(system) : ''} code {code} in the graph.
      </p>
    );
  else if (!centreId) body = <Loading what="the code" />;
  else body = <Neighbourhood key={centreId} centreId={centreId} centreName={centreName} />;

  return (
    <section className="graph-page" aria-labelledby="graph-heading">
      <h1 id="graph-heading">Graph{found ? ` around ${systemLabel(found.system)} ${found.code}` : ''}</h1>
      {body}
    </section>
  );
}
