import { useMemo } from 'react';
import { offers } from '../access.ts';
import { query as apiQuery } from '../api.ts';
import type { AccessAnomalyOut, AuditChainOut } from '../../access/audit-read-model.ts';
import { Button, Select, SummaryList, Table, Tag, WarningText } from '../govuk/index.ts';
import { formatDate, humanise } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { roleLabel, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** The anomaly rules in the reviewer's words (src/platform/audit/access-log.ts has their thresholds). */
const ruleWords: Record<string, string> = {
  'many-records-outside-caseload': 'Opened many records never allocated to them or their team',
  'record-shares-own-surname': 'Opened the record of a child who shares their surname',
  'many-children-listed': 'Was shown many children outside their caseload and team in lists in one day',
};
const periods = [{ value: '7', text: 'The last 7 days' }, { value: '30', text: 'The last 30 days' }, { value: '365', text: 'The last 12 months' }];

/** For those who review the audit: whether the hash-chained log is intact, and access the anomaly rules pick out. */
export function AuditPage() {
  const { query } = useLocation();
  const { viewer } = useSession();
  const days = periods.some((p) => p.value === query.get('days')) ? query.get('days')! : '30';
  const window = useMemo(() => {
    const to = new Date(Date.now() + 60_000);
    return { from: new Date(to.getTime() - Number(days) * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const chain = useApi<AuditChainOut>('/audit/verify');
  const anomalies = useApi<{ anomalies: AccessAnomalyOut[] }>(`/audit/anomalies${apiQuery(window)}`);
  const childLinks = viewer !== undefined && offers.childRecord(viewer);
  return (
    <>
      <h1 className="govuk-heading-l">Audit</h1>
      <h2 className="govuk-heading-m">The audit log</h2>
      {chain.error ? <p className="govuk-body" role="alert">{chain.error.message}</p> : !chain.data ? <p className="govuk-body" role="status">Checking the audit log…</p> : (
        <div data-testid="audit-chain">
          {chain.data.intact ? null : <WarningText text={`The audit log has been changed: ${chain.data.firstBreak?.message ?? 'a row does not match the chain'}. Tell your information governance lead.`} />}
          <SummaryList rows={[
            { key: { text: 'Result' }, value: { children: chain.data.intact ? <Tag text="Intact" classes="govuk-tag--green" /> : <Tag text="Broken" classes="govuk-tag--red" /> } },
            { key: { text: 'Entries checked' }, value: { text: chain.data.rows.toLocaleString('en-GB') } },
            chain.data.firstBreak ? { key: { text: 'First changed entry' }, value: { text: `${chain.data.firstBreak.auditId}: ${chain.data.firstBreak.reason}` } } : null,
            chain.data.headHash ? { key: { text: 'Latest hash' }, value: { text: chain.data.headHash, classes: 'app-break-anywhere' } } : null,
          ]} />
        </div>
      )}
      <h2 className="govuk-heading-m">Access to look into</h2>
      <form className="govuk-!-margin-bottom-6" onSubmit={(event) => {
        event.preventDefault();
        navigate(`/audit${apiQuery({ days: String(new FormData(event.currentTarget).get('days') ?? '30') })}`);
      }}>
        <Select name="days" id="days" label={{ text: 'Period', classes: 'govuk-label--s' }} value={days} items={periods} />
        <Button text="Show" classes="govuk-button--secondary" />
      </form>
      {anomalies.error ? <p className="govuk-body" role="alert">{anomalies.error.message}</p> : !anomalies.data ? <p className="govuk-body" role="status">Looking through the audit log…</p>
        : anomalies.data.anomalies.length === 0 ? <p className="govuk-body" data-testid="no-anomalies">Nothing the rules look for happened in this period.</p> : (
          <Table attributes={{ 'data-testid': 'anomalies' }} caption="Access to look into" captionClasses="govuk-visually-hidden"
            head={[{ text: 'Person' }, { text: 'What they did' }, { text: 'Children', format: 'numeric' }, { text: 'Records' }]}
            rows={anomalies.data.anomalies.map((anomaly) => [
              { children: <>{anomaly.name ?? anomaly.userId}<br /><span className="govuk-body-s">{roleLabel(anomaly.role)}</span></> },
              { text: `${ruleWords[anomaly.rule] ?? humanise(anomaly.rule)}${anomaly.day ? ` (${formatDate(anomaly.day)})` : ''}` },
              { text: anomaly.children, format: 'numeric' },
              { children: anomaly.childIds.map((childId, index) => (
                <span key={childId}>{index > 0 ? ', ' : ''}{childLinks ? <Link href={`/children/${encodeURIComponent(childId)}/access-log`}>{childId}</Link> : childId}</span>
              )) },
            ])} />
        )}
    </>
  );
}
