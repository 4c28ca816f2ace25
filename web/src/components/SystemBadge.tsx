import type { CodeSystem } from '../gql/graphql';
import { systemLabel } from '../lib/code-systems';

/** The code system as a small coloured label ("ICD-10-CM"). */
export function SystemBadge({ system }: { system: CodeSystem }) {
  return <span className={`badge badge-${system.toLowerCase()}`}>{systemLabel(system)}</span>;
}
