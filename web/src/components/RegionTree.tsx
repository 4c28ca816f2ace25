import { Link } from 'wouter';
import type { RegionTreeQuery } from '../gql/graphql';
import { regionPath } from '../lib/paths';

/** A region at any depth of the tree (the query reads four levels). */
interface RegionNode {
  id: string;
  name: string;
  codes: { totalCount: number };
  children?: RegionNode[];
}

function RegionItems({ regions, selectedId }: { regions: readonly RegionNode[]; selectedId: string | null }) {
  return (
    <ul>
      {regions.map((r) => (
        <li key={r.id}>
          <Link href={regionPath(r.id)} aria-current={r.id === selectedId ? 'page' : undefined}>
            {r.name}
          </Link>{' '}
          <span className="count">({r.codes.totalCount.toLocaleString('en-US')})</span>
          {r.children?.length ? <RegionItems regions={r.children} selectedId={selectedId} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The body-region tree, each region with the number of codes on it and its sub-regions. */
export function RegionTree({ regions, selectedId }: { regions: RegionTreeQuery['bodyRegions']; selectedId: string | null }) {
  return (
    <nav aria-label="Body regions" className="region-tree">
      <RegionItems regions={regions as readonly RegionNode[]} selectedId={selectedId} />
    </nav>
  );
}
