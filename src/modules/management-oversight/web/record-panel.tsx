/**
 * Management oversight's parts of a child's record: a summary card of what awaits authorisation or
 * was returned, and a view of every assessment, plan and closure with where its authorisation
 * stands, the "Submit for authorisation" action beside each the worker may submit, and managers'
 * oversight at decision points (with its form, for managers).
 */
import { useRef, useState } from 'react';
import { offers } from '../../../web/access.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../../../web/forms/problems.tsx';
import { formatDate } from '../../../web/format.ts';
import { BackLink, Button, Radios, Tag, Textarea } from '../../../web/govuk/index.ts';
import { setFlash } from '../../../web/pages/flash.ts';
import { Link, useLocation } from '../../../web/router.tsx';
import { useSession, type Viewer } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { decisionPointCodes } from '../events.ts';
import type { AuthorisationItem, ManagementOversightReadModel } from '../read-model.ts';
import { authorisationStatusTags } from './labels.ts';
import { byViewer, itemHeading, recordStep } from './shared.ts';

type Shown = RecordKernel & ManagementOversightReadModel;

/**
 * Back to the view, loaded afresh: the record page stays mounted across its own views, so only a
 * new load shows the record as it now is, with the message saying what was recorded.
 */
const afterRecording = (path: string) => window.location.assign(path);

const viewPath = (childId: string, query = '') => `/children/${encodeURIComponent(childId)}/oversight${query}`;

/** Where the item stands, in a sentence: "Awaiting authorisation since 2 February 2024, submitted by Sam Worker". */
export function statusSentence(item: AuthorisationItem, workerName: (id: string) => string): string {
  const by = (workerId: string | undefined, userId: string | undefined) => workerName(workerId ?? userId ?? '');
  switch (item.status) {
    case 'not-submitted': return 'Not yet submitted for authorisation';
    case 'awaiting-authorisation': return `Awaiting authorisation since ${formatDate(item.submittedOn)}, submitted by ${by(item.submittedByWorkerId, item.submittedByUserId)}`;
    case 'returned': return `Returned to the worker on ${formatDate(item.returnedOn)}: ${item.returnComments ?? ''}`;
    case 'authorised': return `Authorised on ${formatDate(item.authorisedOn)} by ${by(item.authorisedByWorkerId, item.authorisedByUserId)}`;
  }
}

/** The record's card: what awaits a manager or was returned, for the worker and the manager to see at once. */
export function AuthorisationCard(props: RecordPartProps<Shown>) {
  const { workerName } = useSession();
  const items = props.record.managementOversight?.items ?? [];
  const open = items.filter((item) => item.status === 'awaiting-authorisation' || item.status === 'returned' || item.submittable);
  if (items.length === 0) return null;
  return (
    <div className="govuk-summary-card" data-testid="authorisation-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">Authorisation</h2>
      </div>
      <div className="govuk-summary-card__content">
        {open.length === 0 ? <p className="govuk-body">Everything submitted has been authorised.</p> : (
          <ul className="govuk-list">
            {open.map((item) => (
              <li key={item.subjectId}>
                <strong>{itemHeading(item)}</strong>{' '}
                <Tag text={authorisationStatusTags[item.status].text} classes={`govuk-tag--${authorisationStatusTags[item.status].colour}`} />
                <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{statusSentence(item, workerName)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="govuk-body govuk-!-margin-bottom-0"><Link href={viewPath(props.record.childId)}>Management oversight and authorisation</Link></p>
      </div>
    </div>
  );
}

function ItemsTable(props: { record: Shown; viewer: Viewer | undefined }) {
  const { workerName } = useSession();
  const { record, viewer } = props;
  const items = record.managementOversight.items;
  if (items.length === 0) return <p className="govuk-body">No assessment has been completed, no plan started and no episode closed yet: there is nothing to submit for authorisation.</p>;
  const maySubmit = viewer !== undefined && offers.recordEvents(viewer);
  const mayDecide = viewer !== undefined && offers.authorise(viewer);
  return (
    <table className="govuk-table app-break-anywhere" data-testid="authorisation-items">
      <caption className="govuk-table__caption govuk-table__caption--m">Assessments, plans and closures</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">What</th>
          <th scope="col" className="govuk-table__header">Authorisation</th>
          <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((item) => {
          const tag = authorisationStatusTags[item.status];
          const ownSubmission = item.submittedByUserId === viewer?.userId;
          return (
            <tr key={item.subjectId} className="govuk-table__row">
              <td className="govuk-table__cell">{itemHeading(item)}</td>
              <td className="govuk-table__cell">
                <Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} />
                <span className="govuk-!-display-block">{statusSentence(item, workerName)}</span>
              </td>
              <td className="govuk-table__cell">
                {maySubmit && item.submittable ? (
                  <Link href={viewPath(record.childId, `?submit=${item.subjectId}`)} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    data-testid="submit-for-authorisation">Submit for authorisation<span className="govuk-visually-hidden">: {itemHeading(item)}</span></Link>
                ) : null}
                {mayDecide && item.status === 'awaiting-authorisation' && !ownSubmission ? (
                  <Link href={`/awaiting-authorisation?child=${encodeURIComponent(record.childId)}&item=${item.subjectId}`}>
                    Authorise or return<span className="govuk-visually-hidden">: {itemHeading(item)}</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The worker's submission of one item, with anything the manager should know. */
function SubmitForm(props: { record: Shown; item: AuthorisationItem; viewer: Viewer }) {
  const { record, item, viewer } = props;
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [sending, setSending] = useState(false);
  const clientId = useRef(crypto.randomUUID());
  const submit = async (form: HTMLFormElement) => {
    const comments = String(new FormData(form).get('comments') ?? '').trim();
    setSending(true);
    try {
      await recordStep(record.childId, clientId.current, 'approval.submitted', {
        subject: item.subject, subjectId: item.subjectId, ...(comments ? { comments } : {}), ...byViewer(viewer, 'submittedBy'),
      });
      setFlash(`${itemHeading(item)}: submitted for authorisation`);
      afterRecording(viewPath(record.childId));
    } catch (caught) {
      show(problemsFrom(caught, ['comments'], 'It could not be submitted: try again').map((problem) => ({ ...problem, field: problem.field?.replace(/^data\./, '') })));
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={viewPath(record.childId)} text="Back to management oversight" />
        <ProblemSummary problems={problems} summaryRef={summaryRef} />
        <h2 className="govuk-heading-m">Submit for authorisation</h2>
        <p className="govuk-body">{itemHeading(item)}</p>
        {item.status === 'returned' ? (
          <div className="govuk-inset-text" data-testid="returned-comments">
            Returned on {formatDate(item.returnedOn)} with these comments: {item.returnComments}
          </div>
        ) : null}
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="submit-form">
          <Textarea name="comments" id="comments" rows={4} label={{ text: 'Comments for the manager (optional)', classes: 'govuk-label--s' }}
            hint={{ text: item.status === 'returned' ? 'Say what you changed' : 'For example, anything the manager should look at first' }} errorMessage={errorOf('comments')} />
          <Button text="Submit for authorisation" disabled={sending} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}

/** A manager's oversight at a decision point: what was decided and why, and the direction given. */
function OversightForm(props: { record: Shown; viewer: Viewer }) {
  const { record, viewer } = props;
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [sending, setSending] = useState(false);
  const clientId = useRef(crypto.randomUUID());
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const missing = [
      ...(value('decisionPoint') ? [] : [{ field: 'decisionPoint', message: 'Select the decision point' }]),
      ...(value('rationale') ? [] : [{ field: 'rationale', message: 'Enter the reasons for the decision' }]),
      ...(value('direction') ? [] : [{ field: 'direction', message: 'Enter the direction given to the worker' }]),
    ];
    if (missing.length > 0) { show(missing); return; }
    setSending(true);
    try {
      await recordStep(record.childId, clientId.current, 'management-oversight.recorded', {
        decisionPoint: value('decisionPoint'), rationale: value('rationale'), direction: value('direction'),
        recordedByUserId: viewer.userId, ...(viewer.workerId ? { managerWorkerId: viewer.workerId } : {}),
      });
      setFlash('Management oversight recorded');
      afterRecording(viewPath(record.childId));
    } catch (caught) {
      show(problemsFrom(caught, ['data.decisionPoint', 'data.rationale', 'data.direction'], 'The oversight could not be recorded: try again')
        .map((problem) => ({ ...problem, field: problem.field?.replace(/^data\./, '') })));
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={viewPath(record.childId)} text="Back to management oversight" />
        <ProblemSummary problems={problems} summaryRef={summaryRef} hrefOf={(field) => (field === 'decisionPoint' ? '#decisionPoint' : field ? `#${field}` : undefined)} />
        <h2 className="govuk-heading-m">Record management oversight</h2>
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="oversight-form">
          <Radios name="decisionPoint" idPrefix="decisionPoint" fieldset={{ legend: { text: 'Decision point', classes: 'govuk-fieldset__legend--s' } }}
            errorMessage={errorOf('decisionPoint')} items={Object.entries(decisionPointCodes).map(([value, text]) => ({ value, text }))} />
          <Textarea name="rationale" id="rationale" rows={4} label={{ text: 'Reasons for the decision', classes: 'govuk-label--s' }} errorMessage={errorOf('rationale')} />
          <Textarea name="direction" id="direction" rows={4} label={{ text: 'Direction given to the worker', classes: 'govuk-label--s' }}
            hint={{ text: 'What is to be done, by whom and by when' }} errorMessage={errorOf('direction')} />
          <Button text="Record oversight" disabled={sending} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}

function OversightList(props: { record: Shown }) {
  const { workerName } = useSession();
  const entries = props.record.managementOversight.oversight;
  if (entries.length === 0) return <p className="govuk-body">No management oversight has been recorded.</p>;
  return (
    <ol className="govuk-list" data-testid="oversight-entries">
      {[...entries].reverse().map((entry) => (
        <li key={entry.oversightId} className="govuk-!-margin-bottom-4">
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{decisionPointCodes[entry.decisionPoint as keyof typeof decisionPointCodes] ?? entry.decisionPoint}, {formatDate(entry.recordedOn)}</h4>
          <p className="govuk-body govuk-!-margin-bottom-1">Reasons: {entry.rationale}</p>
          <p className="govuk-body govuk-!-margin-bottom-1">Direction: {entry.direction}</p>
          <p className="govuk-body-s">By {workerName(entry.managerWorkerId ?? entry.recordedByUserId)}</p>
        </li>
      ))}
    </ol>
  );
}

/** The record's view: /children/{id}/oversight, with ?submit={item} for the worker's submission and ?oversight=new for a manager's oversight. */
export function ManagementOversightView(props: RecordPartProps<Shown>) {
  const { viewer } = useSession();
  const { query } = useLocation();
  const { record } = props;
  // A partner agency's view of the record leaves management oversight out.
  if (!record.managementOversight) return <p className="govuk-body">Management oversight is not part of the view of the record shared with your agency.</p>;
  const submitting = record.managementOversight.items.find((item) => item.subjectId === query.get('submit'));
  if (submitting && viewer && offers.recordEvents(viewer)) {
    if (!submitting.submittable) return <p className="govuk-body" role="alert">{itemHeading(submitting)} cannot be submitted now: it is {authorisationStatusTags[submitting.status].text.toLowerCase()}.</p>;
    return <SubmitForm record={record} item={submitting} viewer={viewer} />;
  }
  if (query.get('oversight') === 'new' && viewer && offers.authorise(viewer)) return <OversightForm record={record} viewer={viewer} />;
  return (
    <>
      <h2 className="govuk-heading-l">Management oversight</h2>
      <ItemsTable record={record} viewer={viewer} />
      <h3 className="govuk-heading-m">Oversight at decision points</h3>
      <OversightList record={record} />
      {viewer && offers.authorise(viewer) ? (
        <p className="govuk-body"><Link href={viewPath(record.childId, '?oversight=new')} className="govuk-button govuk-button--secondary">Record management oversight</Link></p>
      ) : null}
    </>
  );
}
