import type { CodeSystem } from '../gql/graphql';
import { CodeLink } from './CodeLink';

/** The ICD-10-CM codes a risk or an indication is coded as: nothing when there are none. */
export function DiagnosisCodeList({ codes, label }: { codes: readonly { system: CodeSystem; code: string; title: string }[]; label: string }) {
  if (codes.length === 0) return null;
  return (
    <ul className="diagnosis-codes" aria-label={label}>
      {codes.map((d) => (
        <li key={d.code}>
          <CodeLink system={d.system} code={d.code} title={d.title} />
        </li>
      ))}
    </ul>
  );
}
