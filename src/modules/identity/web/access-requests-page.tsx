/**
 * Access requests: asking to see a child's record found by identity search outside one's scope
 * (reached from Find a child with ?childId=), one's own requests with their outcomes, and, for a
 * team or service manager, the requests awaiting their decision, each granted for a number of days
 * or refused with a reason (?decide=).
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../web/api.ts';
import { formatDate, formatDateTime } from '../../../web/format.ts';
import { Button, ErrorSummary, Input, NotificationBanner, Radios, SummaryList, Tag, Textarea } from '../../../web/govuk/index.ts';
import { takeFlash } from '../../../web/pages/flash.ts';
import { navigate, useLocation } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import { DEFAULT_ACCESS_DAYS, type AccessRequestLists, type AccessRequestOut, type AccessRequestStatus, type IdentityMatch } from '../read-model.ts';

export const accessRequestStatusTags: Record<AccessRequestStatus, { text: string; colour: string }> = {
  'awaiting-decision': { text: 'Awaiting decision', colour: 'blue' },
  granted: { text: 'Granted', colour: 'green' },
  refused: { text: 'Refused', colour: 'red' },
  ended: { text: 'Access ended', colour: 'grey' },
};

interface Problem { field: string; message: string }

/** Problems from the API (or found here) shown the GOV.UK way: a summary linked to each field. */
function problemsOf(caught: unknown, fallbackField: string): Problem[] {
  if (caught instanceof ApiError && caught.problems.length > 0) return caught.problems.map((p) => ({ field: p.field.replace(/^body\./, ''), message: p.message }));
  return [{ field: fallbackField, message: caught instanceof Error ? caught.message : String(caught) }];
}

function Problems(props: { problems: Problem[] }) {
  if (props.problems.length === 0) return null;
  return <ErrorSummary titleText="There is a problem" errorList={props.problems.map((p) => ({ text: p.message, href: `#${p.field}` }))} />;
}

const errorFor = (problems: Problem[], field: string) => {
  const problem = problems.find((p) => p.field === field);
  return problem ? { text: problem.message } : undefined;
};

function AskForAccess(props: { childId: string; onDone: (message: string) => void }) {
  const found = useApi<{ children: IdentityMatch[] }>(`/identity/children?childId=${encodeURIComponent(props.childId)}`);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);
  const child = found.data?.children[0];
  if (found.loading) return <p className="govuk-body">Loading…</p>;
  if (!child) return <p className="govuk-body">No child with LA child id {props.childId} was found.</p>;
  if (child.inScope) return <p className="govuk-body">You can already open <a className="govuk-link" href={`/children/${child.childId}`}>the record of {child.forename} {child.surname}</a>.</p>;
  const submit = async (form: HTMLFormElement) => {
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (!reason) { setProblems([{ field: 'reason', message: 'Enter why you need to see the record' }]); return; }
    setSending(true);
    try {
      await api.post(`/children/${encodeURIComponent(child.childId)}/access-requests`, { reason });
      props.onDone(`Your request to see the record of ${child.forename} ${child.surname} has been sent to the record's manager`);
    } catch (caught) {
      setProblems(problemsOf(caught, 'reason'));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="ask-heading">
      <Problems problems={problems} />
      <h2 className="govuk-heading-m" id="ask-heading">Ask to see this record</h2>
      <SummaryList rows={[
        { key: { text: 'Name' }, value: { text: `${child.forename} ${child.surname}` } },
        { key: { text: 'LA child id' }, value: { text: child.childId } },
        { key: { text: 'Date of birth' }, value: { text: child.dateOfBirth ? formatDate(child.dateOfBirth) : 'Not known' } },
      ]} />
      <form onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} noValidate>
        <Textarea id="reason" name="reason" label={{ text: 'Why do you need to see this record?', classes: 'govuk-label--s' }}
          hint={{ text: 'The record\'s manager reads this to decide. For example, her brother is on my caseload and the school has raised a concern.' }}
          errorMessage={errorFor(problems, 'reason')} />
        <Button text="Send the request" disabled={sending} preventDoubleClick />
      </form>
    </section>
  );
}

function DecideRequest(props: { request: AccessRequestOut; onDone: (message: string) => void }) {
  const { request } = props;
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const chosen = String(data.get('decision') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    const days = String(data.get('days') ?? '').trim();
    const found: Problem[] = [];
    if (!chosen) found.push({ field: 'decision', message: 'Select whether to grant or refuse access' });
    if (chosen === 'granted' && !/^\d+$/.test(days)) found.push({ field: 'days', message: 'Enter the number of days as a whole number' });
    if (chosen === 'refused' && !reason) found.push({ field: 'reason', message: 'Enter why you are refusing access' });
    if (found.length > 0) { setProblems(found); return; }
    setSending(true);
    try {
      await api.post(`/access-requests/${request.requestId}/decision`, { decision: chosen, ...(reason ? { reason } : {}), ...(chosen === 'granted' ? { days: Number(days) } : {}) });
      props.onDone(chosen === 'granted' ? `Access granted to ${request.requestedByName} for ${days} days` : `Request from ${request.requestedByName} refused`);
    } catch (caught) {
      setProblems(problemsOf(caught, 'decision'));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="decide-heading">
      <Problems problems={problems} />
      <h2 className="govuk-heading-m" id="decide-heading">Decide the request</h2>
      <SummaryList rows={[
        { key: { text: 'Record' }, value: { text: `${request.childName} (${request.childId})` } },
        { key: { text: 'Asked by' }, value: { text: `${request.requestedByName}, ${request.requestedByRole.replace(/-/g, ' ')}` } },
        { key: { text: 'Asked on' }, value: { text: formatDateTime(request.requestedAt) } },
        { key: { text: 'Reason' }, value: { text: request.reason } },
      ]} />
      <form onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} noValidate>
        <Radios name="decision" idPrefix="decision" fieldset={{ legend: { text: 'Your decision', classes: 'govuk-fieldset__legend--s' } }}
          errorMessage={errorFor(problems, 'decision')}
          items={[{ value: 'granted', text: 'Grant access for a period' }, { value: 'refused', text: 'Refuse' }]} />
        <Input id="days" name="days" inputmode="numeric" classes="govuk-input--width-3" value={String(DEFAULT_ACCESS_DAYS)}
          label={{ text: 'For how many days, if granted?', classes: 'govuk-label--s' }} hint={{ text: 'Up to 90. Access ends by itself after this.' }}
          suffix={{ text: 'days' }} errorMessage={errorFor(problems, 'days')} />
        <Textarea id="reason" name="reason" label={{ text: 'Reason', classes: 'govuk-label--s' }} hint={{ text: 'Needed when refusing: the person asking will see it.' }}
          errorMessage={errorFor(problems, 'reason')} />
        <Button text="Save the decision" disabled={sending} preventDoubleClick />
      </form>
    </section>
  );
}

function RequestsTable(props: { caption: string; requests: readonly AccessRequestOut[]; decide?: boolean; testId: string }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
    <table className="govuk-table" data-testid={props.testId}>
      <caption className="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Child</th>
          {props.decide ? <th scope="col" className="govuk-table__header">Asked by</th> : null}
          <th scope="col" className="govuk-table__header">Asked on</th>
          <th scope="col" className="govuk-table__header">Outcome</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {props.requests.map((request) => {
          const tag = accessRequestStatusTags[request.status];
          return (
            <tr key={request.requestId} className="govuk-table__row">
              <td className="govuk-table__cell">
                {request.status === 'granted' || props.decide ? <a className="govuk-link" href={`/children/${request.childId}`}>{request.childName}</a> : request.childName}
                <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-bottom-0">{request.childId}</span>
              </td>
              {props.decide ? <td className="govuk-table__cell">{request.requestedByName}<span className="govuk-!-display-block govuk-!-font-size-16">{request.reason}</span></td> : null}
              <td className="govuk-table__cell app-nowrap">{formatDate(request.requestedAt.slice(0, 10))}</td>
              <td className="govuk-table__cell">
                {props.decide ? <a className="govuk-link" href={`/access-requests?decide=${request.requestId}`}>Decide<span className="govuk-visually-hidden"> the request from {request.requestedByName} about {request.childName}</span></a> : (
                  <>
                    <Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} />
                    {request.decision?.accessEndsAt && request.status === 'granted' ? <span className="govuk-!-display-block govuk-!-font-size-16">Until {formatDateTime(request.decision.accessEndsAt)}</span> : null}
                    {request.decision?.reason ? <span className="govuk-!-display-block govuk-!-font-size-16">{request.decision.reason}</span> : null}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}

export function AccessRequestsPage() {
  const { query: params } = useLocation();
  const { viewer } = useSession();
  const lists = useApi<AccessRequestLists>('/access-requests');
  const [flash, setFlashShown] = useState(takeFlash);
  // The page stays mounted when its query changes: the lists are read again, the message shown here.
  const done = (message: string) => {
    setFlashShown(message);
    navigate('/access-requests');
    lists.reload();
  };
  const askFor = params.get('childId');
  const decide = params.get('decide');
  useEffect(() => { if (lists.data) markReady('access-requests'); }, [lists.data]);
  const deciding = decide ? lists.data?.toDecide.find((request) => request.requestId === decide) : undefined;
  const decides = viewer?.permissions.capabilities.includes('decide-access-requests') ?? false;
  return (
    <>
      {flash ? <NotificationBanner type="success" text={flash} /> : null}
      <h1 className="govuk-heading-l">Access requests</h1>
      <p className="govuk-body">Ask to see a child's record you found in <a className="govuk-link" href="/children">Find a child</a> but cannot open. The record's team manager decides; access lasts for the days they give, then ends by itself.</p>
      {askFor ? <AskForAccess childId={askFor} onDone={done} /> : null}
      {decide && lists.data && !deciding ? <p className="govuk-body">That request is not awaiting your decision.</p> : null}
      {deciding ? <DecideRequest request={deciding} onDone={done} /> : null}
      {lists.error ? <p className="govuk-body">{lists.error.message}</p> : null}
      {lists.data && decides ? (
        lists.data.toDecide.length > 0
          ? <RequestsTable caption="Requests for you to decide" requests={lists.data.toDecide} decide testId="requests-to-decide" />
          : <><h2 className="govuk-heading-m">Requests for you to decide</h2><p className="govuk-body">There are no requests awaiting your decision.</p></>
      ) : null}
      {lists.data ? (
        lists.data.mine.length > 0
          ? <RequestsTable caption="Your requests" requests={lists.data.mine} testId="my-requests" />
          : <><h2 className="govuk-heading-m">Your requests</h2><p className="govuk-body">You have not asked to see any records.</p></>
      ) : null}
    </>
  );
}
