import { Link } from 'wouter';
import type { CodeSystem } from '../gql/graphql';
import { codePath } from '../lib/code-systems';
import { SystemBadge } from './SystemBadge';

/** A link to a code's page: badge, code, and (unless `short`) its title. */
export function CodeLink({ system, code, title, short = false }: { system: CodeSystem; code: string; title?: string; short?: boolean }) {
  return (
    <Link href={codePath(system, code)} className="code-link">
      <SystemBadge system={system} /> <span className="code">{code}</span>
      {!short && title ? <span className="code-title"> {title}</span> : null}
    </Link>
  );
}
