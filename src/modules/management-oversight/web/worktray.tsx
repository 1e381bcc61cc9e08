/**
 * The manager's worktray, "Awaiting authorisation": the assessments, plans and closures awaiting
 * their authorisation (GET /api/v1/worktray), the longest waiting first, each with the form to
 * authorise it or return it to the worker with comments (?child={id}&item={id}). Offered in the
 * service navigation to those whose role authorises.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../web/api.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../../../web/forms/problems.tsx';
import { formatDate } from '../../../web/format.ts';
import { BackLink, Button, NotificationBanner, Radios, Textarea } from '../../../web/govuk/index.ts';
import { Link, navigate, useLocation } from '../../../web/router.tsx';
import { useSession, type Viewer } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { RecordKernel, WorklistPage } from '../../../web/web-module.ts';
import type { AuthorisationItem, ManagementOversightReadModel, Worktray, WorktrayItem } from '../read-model.ts';
import { subjectTitles } from '../words.ts';
import { byViewer, itemHeading, recordStep } from './shared.ts';
import { statusSentence } from './record-panel.tsx';

const PATH = 'awaiting-authorisation';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function WorktrayTable(props: { items: WorktrayItem[] }) {
  const { workerName } = useSession();
  if (props.items.length === 0) return <p className="govuk-body" data-testid="worktray-empty">Nothing is awaiting your authorisation.</p>;
  return (
    <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="worktray">
      <caption className="govuk-table__caption govuk-visually-hidden">Assessments, plans and closures awaiting your authorisation, the longest waiting first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Child</th>
          <th scope="col" className="govuk-table__header">What</th>
          <th scope="col" className="govuk-table__header">Submitted by</th>
          <th scope="col" className="govuk-table__header">Since</th>
          <th scope="col" className="govuk-table__header">Waiting</th>
          <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {props.items.map((item) => {
          const name = `${item.forename} ${item.surname}`;
          return (
            <tr key={item.subjectId} className="govuk-table__row">
              <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(item.childId)}`}>{name}</Link></td>
              <td className="govuk-table__cell">{subjectTitles[item.subject]}</td>
              <td className="govuk-table__cell">{workerName(item.submittedByWorkerId ?? item.submittedByUserId)}</td>
              <td className="govuk-table__cell app-nowrap">{formatDate(item.submittedOn)}</td>
              <td className="govuk-table__cell app-nowrap">{days(item.daysWaiting)}</td>
              <td className="govuk-table__cell">
                <Link href={`/${PATH}?child=${encodeURIComponent(item.childId)}&item=${item.subjectId}`}>
                  Authorise or return<span className="govuk-visually-hidden">: {subjectTitles[item.subject].toLowerCase()} for {name}</span>
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A manager's decision on one item: authorise it, or return it to the worker saying what to change. */
function DecisionForm(props: { childId: string; subjectId: string; viewer: Viewer; onDecided: (message: string) => void }) {
  const { childId, subjectId, viewer } = props;
  const { workerName } = useSession();
  // The child's name comes from the people module's part of the record.
  const record = useApi<RecordKernel & ManagementOversightReadModel & { details?: { forename: string; surname: string } }>(`/children/${encodeURIComponent(childId)}`);
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [sending, setSending] = useState(false);
  const clientId = useRef(crypto.randomUUID());
  const item: AuthorisationItem | undefined = record.data?.managementOversight?.items.find((candidate) => candidate.subjectId === subjectId);
  useEffect(() => { if (record.data || record.error) markReady('authorisation-decision'); }, [record.data, record.error]);
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : childId;

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const decision = String(data.get('decision') ?? '');
    const comments = String(data.get('comments') ?? '').trim();
    const missing = [
      ...(decision ? [] : [{ field: 'decision', message: 'Select whether to authorise it or return it to the worker' }]),
      ...(decision === 'return' && !comments ? [{ field: 'comments', message: 'Enter what needs to change before it can be authorised' }] : []),
    ];
    if (missing.length > 0) { show(missing); return; }
    setSending(true);
    try {
      const subject = { subject: item!.subject, subjectId: item!.subjectId, ...(comments ? { comments } : {}) };
      if (decision === 'authorise') await recordStep(childId, clientId.current, 'approval.authorised', { ...subject, ...byViewer(viewer, 'authorisedBy') });
      else await recordStep(childId, clientId.current, 'approval.returned', { ...subject, ...byViewer(viewer, 'returnedBy') });
      props.onDecided(`${itemHeading(item!)} for ${name}: ${decision === 'authorise' ? 'authorised' : 'returned to the worker with your comments'}`);
    } catch (caught) {
      show(problemsFrom(caught, ['data.comments'], caught instanceof ApiError ? caught.message : 'Your decision could not be recorded: try again')
        .map((problem) => ({ ...problem, field: problem.field?.replace(/^data\./, '') })));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/${PATH}`} text="Back to awaiting authorisation" />
        <ProblemSummary problems={problems} summaryRef={summaryRef} hrefOf={(field) => (field === 'decision' ? '#decision' : field ? `#${field}` : undefined)} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Authorise or return</h1>
        {record.error ? <p className="govuk-body" role="alert">{record.error.message}</p> : null}
        {!record.data ? (record.error ? null : <p className="govuk-body">Loading…</p>) : !item ? (
          <p className="govuk-body" role="alert">This record has no such assessment, plan or closure.</p>
        ) : item.status !== 'awaiting-authorisation' ? (
          <p className="govuk-body" role="alert" data-testid="not-awaiting">{itemHeading(item)}: {statusSentence(item, workerName)}.</p>
        ) : (
          <>
            <dl className="govuk-summary-list" data-testid="decision-item">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">What</dt>
                <dd className="govuk-summary-list__value">{itemHeading(item)}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Submitted</dt>
                <dd className="govuk-summary-list__value">{formatDate(item.submittedOn)} by {workerName(item.submittedByWorkerId ?? item.submittedByUserId ?? '')}</dd>
              </div>
              {item.steps.at(-1)?.comments ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Worker's comments</dt>
                  <dd className="govuk-summary-list__value">{item.steps.at(-1)!.comments}</dd>
                </div>
              ) : null}
              {item.returnComments ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Returned earlier</dt>
                  <dd className="govuk-summary-list__value">{formatDate(item.returnedOn)}: {item.returnComments}</dd>
                </div>
              ) : null}
            </dl>
            <p className="govuk-body"><Link href={`/children/${encodeURIComponent(childId)}`}>Open the child's record</Link> (the chronology shows the {subjectTitles[item.subject].toLowerCase()} in full).</p>
            <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="decision-form">
              <Radios name="decision" idPrefix="decision" errorMessage={errorOf('decision')}
                fieldset={{ legend: { text: 'Your decision', classes: 'govuk-fieldset__legend--m' } }}
                items={[
                  { value: 'authorise', text: 'Authorise', hint: { text: `Today's date is the authorisation date the statutory returns use` } },
                  { value: 'return', text: 'Return to the worker with comments' },
                ]} />
              <Textarea name="comments" id="comments" rows={5} label={{ text: 'Comments', classes: 'govuk-label--s' }}
                hint={{ text: 'If you return it, say what needs to change. If you authorise it, any comments are kept with the authorisation.' }} errorMessage={errorOf('comments')} />
              <Button text="Save decision" disabled={sending} preventDoubleClick />
            </form>
          </>
        )}
      </div>
    </div>
  );
}

function AwaitingAuthorisation() {
  const { viewer } = useSession();
  const { query } = useLocation();
  const worktray = useApi<Worktray>('/worktray');
  const [decided, setDecided] = useState<string>();
  const childId = query.get('child');
  const subjectId = query.get('item');
  useEffect(() => { if (worktray.data && !childId) markReady(PATH); }, [worktray.data, childId]);
  if (childId && subjectId && viewer) {
    return <DecisionForm key={`${childId}/${subjectId}`} childId={childId} subjectId={subjectId} viewer={viewer} onDecided={(message) => {
      setDecided(message);
      worktray.reload();
      navigate(`/${PATH}`);
    }} />;
  }
  const items = worktray.data?.items;
  return (
    <>
      {decided ? <NotificationBanner type="success" text={decided} /> : null}
      <h1 className="govuk-heading-l">Awaiting authorisation</h1>
      {worktray.error ? <p className="govuk-error-message">{worktray.error.message}</p> : null}
      {!items ? (worktray.error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="worktray-summary">
            <strong>{items.length}</strong> {items.length === 1 ? 'item is' : 'items are'} awaiting your authorisation
            {items.length > 0 ? <>, the longest for {days(Math.max(...items.map((item) => item.daysWaiting)))}</> : null}.
          </p>
          <WorktrayTable items={items} />
        </>
      )}
    </>
  );
}

/** The worktray as a page of the web app, linked from the service navigation for those who authorise. */
export const awaitingAuthorisationWorklist: WorklistPage = { path: PATH, title: 'Awaiting authorisation', capability: 'authorise', Page: AwaitingAuthorisation };
