import type { GraphNodeView } from './GraphCanvas';

const LABELS: Record<string, string> = { BodyRegion: 'Body region', PersonnelRole: 'Personnel', BodySystem: 'Body system' };

/** The graph's nodes as a list, with the canvas's actions as buttons (keyboard and screen readers). */
export function GraphNodeList({
  nodes,
  selected,
  busy,
  onExpand,
  onOpen,
}: {
  nodes: readonly GraphNodeView[];
  selected: string | null;
  busy: boolean;
  onExpand: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <ul className="graph-node-list" aria-label="Nodes in the graph">
      {nodes.map((n) => (
        <li key={n.id} className={n.id === selected ? 'selected' : undefined} data-node-id={n.id}>
          <span className="node-label">{LABELS[n.label] ?? n.label}</span> <span className="node-name">{n.name}</span>{' '}
          <button type="button" onClick={() => onExpand(n.id)} disabled={busy || n.expanded} aria-label={`Expand ${n.name}`}>
            {n.expanded ? 'Expanded' : 'Expand'}
          </button>{' '}
          <button type="button" onClick={() => onOpen(n.id)} aria-label={`Open ${n.name}`}>
            Open
          </button>
        </li>
      ))}
    </ul>
  );
}
