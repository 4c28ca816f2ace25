import type { CodePageViewQuery } from '../gql/graphql';
import { CodeLink } from './CodeLink';

type SharedRiskMatch = NonNullable<CodePageViewQuery['code']>['codesSharingRisks'][number];

/** Codes that share complications with this one, most shared first. */
export function SharedRiskCodeList({ matches }: { matches: readonly SharedRiskMatch[] }) {
  return (
    <ul className="shared-risk-codes">
      {matches.map((m) => (
        <li key={`${m.code.system}-${m.code.code}`}>
          <CodeLink system={m.code.system} code={m.code.code} title={m.code.title} />
          <p className="reason">
            {m.sharedRisks.length} shared: {m.sharedRisks.map((r) => r.name).join(', ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
