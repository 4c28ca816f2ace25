import type { CodePageViewQuery } from '../gql/graphql';
import { CodeLink } from './CodeLink';

type SimilarCode = NonNullable<CodePageViewQuery['code']>['similarCodes'][number];

function reasons(s: SimilarCode): string[] {
  const out: string[] = [];
  if (s.listed) out.push('listed on the page');
  if (s.sharedRisks.length) out.push(`shared risks: ${s.sharedRisks.map((r) => r.name).join(', ')}`);
  if (s.sharedBodyRegions.length) out.push(`shared regions: ${s.sharedBodyRegions.map((r) => r.name).join(', ')}`);
  if (s.sharedPersonnel.length) out.push(`shared personnel: ${s.sharedPersonnel.map((r) => r.name).join(', ')}`);
  if (s.sharedSettings.length) out.push(`shared settings: ${s.sharedSettings.map((r) => r.name).join(', ')}`);
  if (s.hierarchyDistance === 1) out.push('next to it in the code hierarchy');
  if (s.hierarchyDistance === 2) out.push('a cousin in the code hierarchy');
  return out;
}

/** Similar codes, best first, with their score and why they are similar. */
export function SimilarCodeList({ similar }: { similar: readonly SimilarCode[] }) {
  return (
    <ul className="similar-codes">
      {similar.map((s) => (
        <li key={`${s.code.system}-${s.code.code}`} className="similar-code">
          <CodeLink system={s.code.system} code={s.code.code} title={s.code.title} />
          <span className="score"> score {s.score.toFixed(2)}</span>
          <p className="reason">{reasons(s).join('; ') || 'no shared terms'}</p>
        </li>
      ))}
    </ul>
  );
}
