import type { CodePageViewQuery, RiskFrequency } from '../gql/graphql';
import { DiagnosisCodeList } from './DiagnosisCodeList';

type CodeRisk = NonNullable<CodePageViewQuery['code']>['risks'][number];

const GROUPS: { frequency: RiskFrequency; title: string }[] = [
  { frequency: 'COMMON', title: 'Common' },
  { frequency: 'RARE', title: 'Rare' },
];

/** Risks grouped by how often the page says they occur, each with its ICD-10-CM codes. */
export function RiskList({ risks }: { risks: readonly CodeRisk[] }) {
  return (
    <div className="risk-groups">
      {GROUPS.map(({ frequency, title }) => {
        const group = risks.filter((r) => r.frequency === frequency);
        if (group.length === 0) return null;
        return (
          <div key={frequency} className={`risk-group risk-${frequency.toLowerCase()}`} data-frequency={frequency}>
            <h3>
              {title} ({group.length})
            </h3>
            <ul>
              {group.map((r) => (
                <li key={r.risk.id} className="risk">
                  <span className="risk-text">{r.text}</span>
                  {r.risk.name.toLowerCase() !== r.text.toLowerCase() ? <span className="risk-name"> ({r.risk.name})</span> : null}
                  <DiagnosisCodeList codes={r.risk.diagnosisCodes} label={`ICD-10-CM codes for ${r.risk.name}`} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
