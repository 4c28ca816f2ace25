import { Link } from 'wouter';
import type { CodeSystem } from '../gql/graphql';
import { codePath, systemLabel } from '../lib/code-systems';

interface Crumb {
  system: CodeSystem;
  code: string;
  title: string;
}

/** The code's ancestors, root first, then the code itself. */
export function CodeBreadcrumbs({ ancestors, current }: { ancestors: readonly Crumb[]; current: Crumb }) {
  return (
    <nav aria-label="Code hierarchy" className="breadcrumbs">
      <ol>
        <li>{systemLabel(current.system)}</li>
        {ancestors.map((a) => (
          <li key={a.code}>
            <Link href={codePath(a.system, a.code)} title={a.title}>
              {a.code}
            </Link>
          </li>
        ))}
        <li aria-current="page">{current.code}</li>
      </ol>
    </nav>
  );
}
