import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface GraphNodeView {
  id: string;
  label: string;
  name: string;
  expanded: boolean;
  centre: boolean;
}

export interface GraphEdgeView {
  source: string;
  target: string;
  type: string;
}

/** The element Cytoscape draws into; the instance is kept on it for the browser tests and for the console. */
export type GraphCanvasElement = HTMLDivElement & { cy?: Core };

/** One colour per node label; GraphLegend shows the same table. */
export const COLOURS: Record<string, string> = {
  Code: '#1f5fa8',
  Risk: '#b3261e',
  BodyRegion: '#2e7d32',
  PersonnelRole: '#6a1b9a',
  Setting: '#8d5a00',
  Indication: '#00695c',
  Policy: '#455a64',
  Alternative: '#ad1457',
  Equipment: '#5d4037',
  BodySystem: '#33691e',
};

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': (n: cytoscape.NodeSingular) => COLOURS[n.data('label') as string] ?? '#555',
      label: 'data(short)',
      color: '#1a1a1a',
      'font-size': 10,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      width: 18,
      height: 18,
    },
  },
  { selector: 'node[?centre]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#000' } },
  { selector: 'node[?expanded]', style: { 'border-width': 2, 'border-color': '#000' } },
  { selector: 'node:selected', style: { 'overlay-color': '#f9a825', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  { selector: 'edge', style: { width: 1, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.6 } },
];

const short = (name: string) => (name.length > 28 ? `${name.slice(0, 27)}…` : name);

/**
 * Draws the subgraph with Cytoscape.js (loaded only with the graph view). New nodes are added
 * to the running instance and laid out again; a tap asks to expand, a double tap to open.
 * Decorative for screen readers: the node list beside it offers the same actions.
 */
export function GraphCanvas({
  nodes,
  edges,
  selected,
  onTap,
  onDoubleTap,
}: {
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  selected: string | null;
  onTap: (id: string) => void;
  onDoubleTap: (id: string) => void;
}) {
  const container = useRef<GraphCanvasElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onTap, onDoubleTap });
  handlers.current = { onTap, onDoubleTap };

  useEffect(() => {
    const el = container.current;
    if (!el) return undefined;
    const cy = cytoscape({ container: el, style: STYLE, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
    cy.on('tap', 'node', (e) => handlers.current.onTap((e.target as NodeSingular).id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onDoubleTap((e.target as NodeSingular).id()));
    cyRef.current = cy;
    el.cy = cy;
    return () => {
      delete el.cy;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const added: ElementDefinition[] = [];
    for (const n of nodes) {
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) existing.data({ expanded: n.expanded, centre: n.centre });
      else added.push({ group: 'nodes', data: { id: n.id, label: n.label, name: n.name, short: short(n.name), expanded: n.expanded, centre: n.centre } });
    }
    for (const e of edges) {
      const id = `${e.source}|${e.type}|${e.target}`;
      if (cy.getElementById(id).empty()) added.push({ group: 'edges', data: { id, source: e.source, target: e.target, type: e.type } });
    }
    if (added.length === 0) return;
    cy.add(added);
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, fit: true, padding: 30 }).run();
  }, [nodes, edges]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected]);

  return <div id="graph-canvas" className="graph-canvas" ref={container} aria-hidden="true" />;
}
