import { COLOURS } from './GraphCanvas';

const NAMES: Record<string, string> = {
  Code: 'Code',
  Risk: 'Risk',
  BodyRegion: 'Body region',
  PersonnelRole: 'Personnel',
  Setting: 'Setting',
  Indication: 'Indication',
  Policy: 'Policy',
  Alternative: 'Alternative',
  Equipment: 'Equipment',
  BodySystem: 'Body system',
};

/** What the node colours of the graph mean (only the labels present). */
export function GraphLegend({ labels }: { labels: ReadonlySet<string> }) {
  return (
    <ul className="graph-legend" aria-label="Node colours">
      {Object.entries(COLOURS)
        .filter(([label]) => labels.has(label))
        .map(([label, colour]) => (
          <li key={label}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" /> {NAMES[label] ?? label}
          </li>
        ))}
    </ul>
  );
}
