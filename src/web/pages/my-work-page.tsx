import { TableRegion } from '../table-region.tsx';
import { useEffect, useMemo } from 'react';
import { query } from '../api.ts';
import type { DueItem, DueList } from '../../duties/read-model.ts';
import type { ChildListItem } from '../../record/read-model.ts';
import { Button, Checkboxes, Radios, Select, Tag } from '../govuk/index.ts';
import { ageOn, byUrgency, formatDue, urgencyOf } from '../format.ts';
import { InvolvementTags, myWorkParts } from '../module-parts.tsx';
import { navigate, useLocation } from '../router.tsx';
import { managesTeam, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { markReady } from '../timing.ts';

/** Everything due and overdue for my children (or my team's), most urgent first. */
export function MyWorkPage() {
  const { viewer: worker, workerName, teamName } = useSession();
  const { query: params } = useLocation();
  const scope = params.get('scope') ?? (managesTeam(worker?.role) ? 'team' : 'mine');
  const overdueOnly = params.get('overdue') === 'yes';
  const rule = params.get('rule') ?? '';
  const filter = worker ? (scope === 'team' && worker.teamId ? { teamId: worker.teamId } : { workerId: worker.workerId }) : undefined;
  const duties = useApi<DueList>(filter ? `/duties${query({ ...filter, overdueOnly: overdueOnly ? 'true' : undefined })}` : null);
  const children = useApi<{ children: ChildListItem[] }>(filter ? `/children${query({ ...filter, limit: 500 })}` : null);
  const rules = useMemo(() => {
    const titles = new Map<string, string>();
    for (const duty of duties.data?.duties ?? []) titles.set(duty.ruleId, duty.title);
    return [...titles.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [duties.data]);
  const shown = (duties.data?.duties ?? []).filter((duty) => !rule || duty.ruleId === rule).sort(byUrgency);
  const dueByChild = new Map<string, DueItem[]>();
  for (const duty of duties.data?.duties ?? []) dueByChild.set(duty.childId, [...(dueByChild.get(duty.childId) ?? []), duty]);
  const ready = Boolean(duties.data && children.data);
  useEffect(() => { if (ready) markReady('my-work'); }, [ready]);

  if (!worker) return <p className="govuk-body">Loading…</p>;
  const today = duties.data?.asAt ?? new Date().toISOString().slice(0, 10);
  const applyFilters = (form: HTMLFormElement) => {
    const data = new FormData(form);
    navigate(`/${query({ scope: String(data.get('scope') ?? scope), overdue: data.get('overdue') ? 'yes' : undefined, rule: String(data.get('rule') ?? '') || undefined })}`);
  };
  const overdueCount = (duties.data?.duties ?? []).filter((d) => d.state === 'overdue').length;
  return (
    <>
      <h1 className="govuk-heading-l">{scope === 'team' ? `${teamName(worker.teamId) || 'My team'}: work due` : 'My work'}</h1>
      {duties.data ? (
        <p className="govuk-body-l" data-testid="work-summary">
          <strong>{overdueCount}</strong> overdue and <strong>{duties.data.duties.length - overdueCount}</strong> due for <strong>{children.data?.children.length ?? '…'}</strong> {scope === 'team' ? 'children in the team' : 'children allocated to you'}.
        </p>
      ) : null}
      <details className="govuk-details" open={overdueOnly || Boolean(rule) || params.has('scope')}>
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Filter</span></summary>
        <div className="govuk-details__text">
          <form onSubmit={(event) => { event.preventDefault(); applyFilters(event.currentTarget); }}>
            <Radios name="scope" classes="govuk-radios--inline govuk-radios--small" fieldset={{ legend: { text: 'Whose work', classes: 'govuk-fieldset__legend--s' } }}
              value={scope} items={[{ value: 'mine', text: 'Mine' }, { value: 'team', text: 'My team' }]} />
            <Checkboxes name="overdue" classes="govuk-checkboxes--small" fieldset={{ legend: { text: 'Show', classes: 'govuk-fieldset__legend--s' } }}
              items={[{ value: 'yes', text: 'Overdue only', checked: overdueOnly }]} />
            <Select name="rule" id="rule" label={{ text: 'Timescale', classes: 'govuk-label--s' }} value={rule}
              items={[{ value: '', text: 'All timescales' }, ...rules.map(([id, title]) => ({ value: id, text: title }))]} />
            <Button text="Apply filters" classes="govuk-button--secondary" />
          </form>
        </div>
      </details>
      <h2 className="govuk-heading-m">Due and overdue</h2>
      {duties.error ? <p className="govuk-error-message">{duties.error.message}</p> : null}
      {duties.loading ? <p className="govuk-body">Loading…</p> : shown.length === 0 ? <p className="govuk-body">Nothing is due.</p> : (
        <TableRegion label="Due and overdue">
          <table className="govuk-table" data-testid="due-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Due and overdue, most urgent first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Child</th>
                <th scope="col" className="govuk-table__header">What is due</th>
                <th scope="col" className="govuk-table__header">Due</th>
                <th scope="col" className="govuk-table__header">Status</th>
                {scope === 'team' ? <th scope="col" className="govuk-table__header">Worker</th> : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {shown.map((duty) => {
                const tag = urgencyOf(duty);
                return (
                  <tr key={`${duty.ruleId}-${duty.subjectId}-${duty.occurrence}`} className="govuk-table__row">
                    <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${duty.childId}`}>{duty.childName}</a></td>
                    <td className="govuk-table__cell">{duty.title}</td>
                    <td className="govuk-table__cell app-nowrap">{formatDue(duty)}</td>
                    <td className="govuk-table__cell"><Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} /></td>
                    {scope === 'team' ? <td className="govuk-table__cell">{workerName(duty.workerId)}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {myWorkParts.map(({ title, Part }) => <Part key={title} scope={scope === 'team' ? 'team' : 'mine'} workerId={worker.workerId} teamId={worker.teamId} />)}
      <h2 className="govuk-heading-m">{scope === 'team' ? 'Children in the team' : 'Children allocated to you'}</h2>
      {children.data && children.data.children.length > 0 ? (
        <TableRegion label="Allocated children">
          <table className="govuk-table" data-testid="children-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Allocated children</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Age</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Next due</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {[...children.data.children].sort((a, b) => {
                const next = (c: ChildListItem) => [...(dueByChild.get(c.childId) ?? [])].sort(byUrgency)[0];
                const na = next(a); const nb = next(b);
                return na && nb ? byUrgency(na, nb) : na ? -1 : nb ? 1 : a.surname.localeCompare(b.surname);
              }).map((child) => {
                const next = [...(dueByChild.get(child.childId) ?? [])].sort(byUrgency)[0];
                return (
                  <tr key={child.childId} className="govuk-table__row">
                    <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${child.childId}`}>{child.forename} {child.surname}</a></td>
                    <td className="govuk-table__cell">{ageOn(child.dateOfBirth, today) ?? 'Unborn'}</td>
                    <td className="govuk-table__cell"><InvolvementTags child={child} /></td>
                    <td className="govuk-table__cell">{next ? <>{next.title} <span className="govuk-!-display-block"><Tag text={urgencyOf(next).text} classes={`govuk-tag--${urgencyOf(next).colour}`} /></span></> : 'Nothing due'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      ) : children.loading ? <p className="govuk-body">Loading…</p> : <p className="govuk-body">No children are allocated.</p>}
    </>
  );
}
