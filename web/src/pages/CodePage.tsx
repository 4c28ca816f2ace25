import { Link, useParams } from 'wouter';
import { CodeBreadcrumbs } from '../components/CodeBreadcrumbs';
import { CodeLink } from '../components/CodeLink';
import { DiagnosisCodeList } from '../components/DiagnosisCodeList';
import { PageSection, TextList } from '../components/PageSection';
import { ErrorMessage, Loading } from '../components/QueryStatus';
import { RiskList } from '../components/RiskList';
import { SharedRiskCodeList } from '../components/SharedRiskCodeList';
import { SimilarCodeList } from '../components/SimilarCodeList';
import { SystemBadge } from '../components/SystemBadge';
import { CodePageViewDocument, type CodePageViewQuery } from '../gql/graphql';
import { codeGraphPath, parseSystem, systemLabel } from '../lib/code-systems';
import { regionPath } from '../lib/paths';
import { useDocumentTitle } from '../lib/use-document-title';
import { useQuery } from '../lib/use-query';
import { NotFoundPage } from './NotFoundPage';

type Code = NonNullable<CodePageViewQuery['code']>;

function durationText(d: NonNullable<Code['duration']>): string {
  if (d.minMinutes !== null && d.maxMinutes !== null) return `${d.text} (${d.minMinutes}-${d.maxMinutes} minutes)`;
  if (d.minMinutes !== null) return `${d.text} (at least ${d.minMinutes} minutes)`;
  return d.text;
}

/** What the graph knows of a code without a page: its place in the hierarchy and its flags. */
function CodeFacts({ code }: { code: Code }) {
  return (
    <dl className="code-facts">
      <dt>Billable</dt>
      <dd>{code.billable ? 'yes' : 'no (a header, chapter, block or modifier)'}</dd>
      <dt>Status</dt>
      <dd>{code.active ? 'active' : `terminated${code.terminationDate ? ` on ${code.terminationDate}` : ''}`}</dd>
      {code.shortTitle && code.shortTitle !== code.title ? (
        <>
          <dt>Short title</dt>
          <dd>{code.shortTitle}</dd>
        </>
      ) : null}
      {code.addedDate ? (
        <>
          <dt>Added</dt>
          <dd>{code.addedDate}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The sections of an imported code page, in the seed page's order. */
function CodePageSections({ code }: { code: Code }) {
  return (
    <>
      <PageSection id="name" title="Name of the procedure" empty={!code.fullName}>
        <p>{code.fullName}</p>
      </PageSection>
      <PageSection id="summary" title="Summary" empty={!code.summary}>
        <p>{code.summary}</p>
      </PageSection>
      <PageSection id="purpose" title="Purpose" empty={!code.purpose}>
        <p>{code.purpose}</p>
      </PageSection>
      <PageSection id="indications" title="Indications" empty={code.indications.length === 0}>
        <ul>
          {code.indications.map((i) => (
            <li key={i.id}>
              {i.text}
              <DiagnosisCodeList codes={i.diagnosisCodes} label="Diagnosis codes" />
            </li>
          ))}
        </ul>
      </PageSection>
      <PageSection id="preparation" title="Preparation" empty={code.preparation.length === 0}>
        <TextList items={code.preparation} />
      </PageSection>
      <PageSection id="steps" title="Procedure description" empty={code.steps.length === 0}>
        <TextList items={code.steps} ordered />
        {code.equipment.length ? <p>Equipment: {code.equipment.map((e) => e.name).join(', ')}</p> : null}
      </PageSection>
      <PageSection id="duration" title="Duration" empty={!code.duration}>
        <p>{code.duration ? durationText(code.duration) : null}</p>
      </PageSection>
      <PageSection id="setting" title="Setting" empty={!code.settingText && code.settings.length === 0}>
        {code.settingText ? <p>{code.settingText}</p> : null}
        {code.settings.length ? <TextList items={code.settings.map((s) => s.name)} /> : null}
      </PageSection>
      <PageSection id="personnel" title="Personnel" empty={code.personnel.length === 0}>
        <TextList items={code.personnel.map((p) => p.name)} />
      </PageSection>
      <PageSection id="risks" title="Risks and complications" empty={code.risks.length === 0 && !code.riskManagement}>
        <RiskList risks={code.risks} />
        {code.riskManagement ? (
          <>
            <h3>Risk management</h3>
            <p>{code.riskManagement}</p>
          </>
        ) : null}
      </PageSection>
      <PageSection id="benefits" title="Benefits" empty={code.benefits.length === 0}>
        <TextList items={code.benefits} />
      </PageSection>
      <PageSection id="recovery" title="Recovery" empty={code.recovery.length === 0}>
        <TextList items={code.recovery} />
      </PageSection>
      <PageSection id="alternatives" title="Alternatives" empty={code.alternatives.length === 0}>
        <ul>
          {code.alternatives.map((a) => (
            <li key={a.name}>
              <strong>{a.name}</strong>
              {a.description ? `: ${a.description}` : ''}
              {a.code ? (
                <>
                  {' '}
                  <CodeLink system={a.code.system} code={a.code.code} short />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </PageSection>
      <PageSection id="experience" title="Patient experience" empty={!code.patientExperience}>
        <p>{code.patientExperience}</p>
      </PageSection>
      <PageSection id="regions" title="Body regions" empty={code.bodyRegions.length === 0 && code.bodySystems.length === 0}>
        <ul>
          {code.bodyRegions.map((r) => (
            <li key={r.id}>
              <Link href={regionPath(r.id)}>{r.name}</Link>
              {r.parent ? ` (part of ${r.parent.name})` : ''}
            </li>
          ))}
        </ul>
        {code.bodySystems.length ? <p>Body systems: {code.bodySystems.map((s) => s.name).join(', ')}</p> : null}
      </PageSection>
      <PageSection id="policies" title="Related policies from health plans" empty={code.policies.length === 0}>
        <ul>
          {code.policies.map((p) => (
            <li key={p.id}>
              {p.url ? <a href={p.url}>{p.title}</a> : p.title}
              {p.payer ? ` (${p.payer})` : ''}
            </li>
          ))}
        </ul>
      </PageSection>
    </>
  );
}

/** `/code/:system/:code`: a code's page, its hierarchy and the codes like it. */
export function CodePage() {
  const params = useParams<{ system: string; code: string }>();
  const system = parseSystem(params.system);
  const codeText = decodeURIComponent(params.code ?? '');
  const result = useQuery(CodePageViewDocument, system ? { system, code: codeText } : null);
  const code = result.status === 'done' ? result.data.code : null;
  // Not found: NotFoundPage sets the title.
  useDocumentTitle(!system || (result.status === 'done' && !code) ? undefined : code ? `${systemLabel(code.system)} ${code.code}: ${code.title}` : `${systemLabel(system)} ${codeText}`);

  if (!system) return <NotFoundPage title="Unknown code system" what={`a code system called “${params.system}” (use CPT, HCPCS, ICD10CM or ICD10PCS)`} />;
  if (result.status === 'error') return <ErrorMessage error={result.error} what="this code" onRetry={result.retry} />;
  if (result.status !== 'done') return <Loading what={`${systemLabel(system)} ${codeText}`} />;
  if (!code) return <NotFoundPage title="Code not found" what={`${systemLabel(system)} code ${codeText} in the graph`} />;

  return (
    <article className="code-page" data-system={code.system} data-code={code.code}>
      <CodeBreadcrumbs ancestors={code.ancestors} current={code} />
      <header className="code-header">
        <h1>
          <SystemBadge system={code.system} /> <span className="code">{code.code}</span> <span className="code-title">{code.title}</span>
        </h1>
        {code.commonName ? <p className="common-name">Also called: {code.commonName}</p> : null}
        <p className="code-actions">
          <Link href={codeGraphPath(code.system, code.code)}>Show in the graph</Link>
        </p>
      </header>

      {code.hasPage ? (
        <CodePageSections code={code} />
      ) : (
        <div className="no-page" role="note">
          <p>No code page exists for this code. This is what the graph knows about it: its place in the code hierarchy and the release's flags.</p>
        </div>
      )}
      <CodeFacts code={code} />

      <PageSection id="similar" title="Similar codes" empty={code.similarCodes.length === 0}>
        <SimilarCodeList similar={code.similarCodes} />
      </PageSection>
      <PageSection id="sharing" title="Codes sharing complications" empty={code.codesSharingRisks.length === 0}>
        <SharedRiskCodeList matches={code.codesSharingRisks} />
      </PageSection>
      <PageSection id="children" title="Codes under this one" empty={code.children.length === 0}>
        <ul className="child-codes">
          {code.children.map((c) => (
            <li key={c.code}>
              <CodeLink system={c.system} code={c.code} title={c.title} />
              {c.billable ? '' : ' (not billable)'}
            </li>
          ))}
        </ul>
      </PageSection>
    </article>
  );
}
