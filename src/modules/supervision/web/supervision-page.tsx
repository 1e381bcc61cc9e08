/**
 * The Supervision page: each worker the reader oversees (or the reader themselves) with their last
 * supervision and when the next is due by the council's standard, the most overdue first; a
 * supervisor's form to record a session and the children's cases discussed in it; and a worker's
 * supervision record.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ChildListItem } from '../../../record/read-model.ts';
import { api } from '../../../web/api.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../../../web/forms/problems.tsx';
import { formatDate } from '../../../web/format.ts';
import { Button, DateInput, Input, NotificationBanner, Select, Tag, Textarea } from '../../../web/govuk/index.ts';
import { useLocation } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import type { SupervisionSession, SupervisionWorkers } from '../read-model.ts';

/** The roles that record supervision (as the API allows: src/modules/supervision/repo.ts). */
const supervises = (role: string | undefined) => role === 'senior-practitioner' || role === 'team-manager' || role === 'service-manager';

const pad = (text: string) => text.trim().padStart(2, '0');
/** A date input's three boxes as YYYY-MM-DD, or undefined when all are empty. */
function dateOf(data: FormData, prefix: string): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => String(data.get(`${prefix}-${part}`) ?? '').trim());
  if (!day && !month && !year) return undefined;
  return `${year}-${pad(month!)}-${pad(day!)}`;
}

function RecordSupervisionForm(props: { workers: SupervisionWorkers['workers']; onRecorded: (message: string) => void }) {
  const { viewer, workers: everyone } = useSession();
  const [workerId, setWorkerId] = useState('');
  const { problems, show, errorOf, summaryRef } = useProblems();
  const caseload = useApi<{ children: ChildListItem[] }>(workerId ? `/children?workerId=${encodeURIComponent(workerId)}&limit=100` : null);
  const children = caseload.data?.children ?? [];
  const choices = props.workers.filter((worker) => worker.workerId !== viewer?.workerId);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const teamOfWorker = everyone.find((worker) => worker.workerId === workerId)?.teamId ?? '';
    const caseDiscussions = children.flatMap((child, index) => {
      const field = (name: string) => String(data.get(`child-${index}-${name}`) ?? '').trim();
      const discussion = field('discussion');
      if (!discussion) return [];
      const task = field('task');
      const taskDue = dateOf(data, `child-${index}-taskDue`);
      return [{
        childId: child.childId, discussion, ...(field('decisions') ? { decisions: field('decisions') } : {}),
        tasks: task || taskDue ? [{ description: task, dueOn: taskDue ?? '', teamId: teamOfWorker, workerId }] : [],
      }];
    });
    const body = { workerId, heldOn: dateOf(data, 'heldOn') ?? '', notes: String(data.get('notes') ?? '').trim() || undefined, caseDiscussions };
    try {
      await api.post('/supervision', body);
      const name = props.workers.find((worker) => worker.workerId === workerId)?.name ?? 'the worker';
      props.onRecorded(`Supervision of ${name} recorded, with ${caseDiscussions.length} ${caseDiscussions.length === 1 ? 'case' : 'cases'} discussed`);
    } catch (caught) {
      const fields = ['workerId', 'heldOn', 'notes', ...children.flatMap((_, index) => [`child-${index}-discussion`, `child-${index}-task`])];
      const found = problemsFrom(caught, ['workerId', 'heldOn', 'notes', ...caseDiscussions.flatMap((_, index) => [`caseDiscussions.${index}.discussion`, `caseDiscussions.${index}.tasks.0.description`, `caseDiscussions.${index}.tasks.0.dueOn`])], 'The supervision could not be recorded: try again');
      // A case discussion's problem is shown on that child's boxes.
      const byChild = (field: string | undefined) => {
        const match = /^caseDiscussions\.(\d+)\.(discussion|tasks\.0\.description|tasks\.0\.dueOn)$/.exec(field ?? '');
        if (!match) return field;
        const child = children.findIndex((c) => c.childId === caseDiscussions[Number(match[1])]?.childId);
        return match[2] === 'discussion' ? `child-${child}-discussion` : match[2] === 'tasks.0.dueOn' ? `child-${child}-taskDue` : `child-${child}-task`;
      };
      // A problem on no box of the form is shown as the form's own.
      show(found.map((problem) => {
        const field = byChild(problem.field);
        return field !== undefined && (fields.includes(field) || field.endsWith('taskDue')) ? { ...problem, field } : { message: problem.message };
      }));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="record-supervision">
      <ProblemSummary problems={problems} summaryRef={summaryRef} hrefOf={(field) => (field ? `#${field === 'heldOn' || field.endsWith('taskDue') ? `${field}-day` : field}` : undefined)} />
      {/* The worker chosen decides the caseload asked about: the select's change bubbles here. */}
      <div onChange={(event) => { const target = event.target as unknown as HTMLSelectElement; if (target.name === 'workerId') setWorkerId(target.value); }}>
        <Select id="workerId" name="workerId" label={{ text: 'Worker supervised', classes: 'govuk-label--s' }} value={workerId} errorMessage={errorOf('workerId')}
          items={[{ value: '', text: 'Choose a worker' }, ...choices.map((worker) => ({ value: worker.workerId, text: worker.name }))]} />
      </div>
      <DateInput id="heldOn" namePrefix="heldOn" fieldset={{ legend: { text: 'Date of the supervision', classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: 'For example, 27 3 2026' }} errorMessage={errorOf('heldOn')} />
      <Textarea name="notes" id="notes" label={{ text: 'The worker\'s wellbeing, workload and learning (optional)', classes: 'govuk-label--s' }} errorMessage={errorOf('notes')} />
      {workerId ? (
        <>
          <h3 className="govuk-heading-s">Cases discussed</h3>
          {caseload.loading ? <p className="govuk-body">Loading the worker's caseload…</p> : children.length === 0 ? <p className="govuk-body">No children are allocated to this worker.</p> : (
            <>
              <p className="govuk-hint">Write what was discussed for each child whose case you discussed; leave the others blank. Each discussion is added to the child's record as management oversight.</p>
              {children.map((child, index) => (
                <fieldset key={child.childId} className="govuk-fieldset govuk-!-margin-bottom-6">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{child.forename} {child.surname}</legend>
                  <Textarea name={`child-${index}-discussion`} id={`child-${index}-discussion`} rows={3} label={{ text: `What was discussed about ${child.forename}?` }} errorMessage={errorOf(`child-${index}-discussion`)} />
                  <Textarea name={`child-${index}-decisions`} id={`child-${index}-decisions`} rows={2} label={{ text: 'What was decided? (optional)' }} />
                  <Input name={`child-${index}-task`} id={`child-${index}-task`} label={{ text: 'A task for the worker (optional)' }} errorMessage={errorOf(`child-${index}-task`)} />
                  <DateInput id={`child-${index}-taskDue`} namePrefix={`child-${index}-taskDue`} fieldset={{ legend: { text: 'Date the task is due' } }} errorMessage={errorOf(`child-${index}-taskDue`)} />
                </fieldset>
              ))}
            </>
          )}
        </>
      ) : null}
      <Button text="Record supervision" />
    </form>
  );
}

function SupervisionRecord(props: { workerId: string; name: string }) {
  const record = useApi<{ sessions: SupervisionSession[] }>(`/supervision/workers/${encodeURIComponent(props.workerId)}/sessions`);
  const { workerName } = useSession();
  return (
    <>
      <h2 className="govuk-heading-m">Supervision record of {props.name}</h2>
      {record.error ? <p className="govuk-error-message">{record.error.message}</p> : null}
      {record.loading ? <p className="govuk-body">Loading…</p> : (record.data?.sessions ?? []).length === 0 ? <p className="govuk-body">No supervision is recorded.</p> : (
        (record.data?.sessions ?? []).map((session) => (
          <div key={session.supervisionId} className="govuk-summary-card" data-testid="supervision-session">
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">{formatDate(session.heldOn)}, with {workerName(session.supervisorWorkerId)}</h3>
            </div>
            <div className="govuk-summary-card__content">
              {session.notes ? <p className="govuk-body">{session.notes}</p> : null}
              {session.caseDiscussions.length === 0 ? <p className="govuk-body">No cases you may see were discussed.</p> : (
                <dl className="govuk-summary-list">
                  {session.caseDiscussions.map((discussion) => (
                    <div key={discussion.discussionId} className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key"><a className="govuk-link" href={`/children/${encodeURIComponent(discussion.childId)}/oversight`}>{discussion.childName}</a></dt>
                      <dd className="govuk-summary-list__value">{discussion.discussion}{discussion.decisions ? <><br /><strong>Decided:</strong> {discussion.decisions}</> : null}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          </div>
        ))
      )}
    </>
  );
}

function SupervisionPage() {
  const { viewer } = useSession();
  const { query } = useLocation();
  const [recorded, setRecorded] = useState<{ message: string; times: number }>({ message: '', times: 0 });
  const workers = useApi<SupervisionWorkers>(`/supervision/workers${recorded.times > 0 ? `?refresh=${recorded.times}` : ''}`);
  const ready = Boolean(workers.data);
  useEffect(() => { if (ready) markReady('supervision'); }, [ready]);
  const chosen = query.get('worker') ?? viewer?.workerId ?? undefined;
  const chosenName = workers.data?.workers.find((worker) => worker.workerId === chosen)?.name;
  const list = workers.data?.workers ?? [];
  const overdue = list.filter((worker) => worker.overdue).length;
  return (
    <>
      {recorded.message ? <NotificationBanner type="success" titleText="Success" text={recorded.message} /> : null}
      <h1 className="govuk-heading-l">Supervision</h1>
      {workers.error ? <p className="govuk-error-message">{workers.error.message}</p> : null}
      {workers.data ? (
        <p className="govuk-body" data-testid="supervision-standard">
          The council's standard is supervision at least every {workers.data.standardDays} days. <strong>{overdue}</strong> of {list.length} {list.length === 1 ? 'worker is' : 'workers are'} overdue.
        </p>
      ) : <p className="govuk-body">Loading…</p>}
      {list.length > 0 ? (
        <div className="app-table-scroll">
          <table className="govuk-table" data-testid="supervision-workers">
            <caption className="govuk-table__caption govuk-visually-hidden">Workers and their supervision, the most overdue first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Worker</th>
                <th scope="col" className="govuk-table__header">Last supervision</th>
                <th scope="col" className="govuk-table__header">Next due</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.map((worker) => (
                <tr key={worker.workerId} className="govuk-table__row">
                  <td className="govuk-table__cell"><a className="govuk-link" href={`/supervision?worker=${encodeURIComponent(worker.workerId)}`}>{worker.name}</a></td>
                  <td className="govuk-table__cell">{worker.lastSupervisedOn ? formatDate(worker.lastSupervisedOn) : 'None recorded'}</td>
                  <td className="govuk-table__cell">{formatDate(worker.nextDueOn)} {worker.overdue ? <Tag text="Overdue" classes="govuk-tag--red" /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {supervises(viewer?.role) && viewer?.permissions.records ? (
        <>
          <h2 className="govuk-heading-m">Record supervision</h2>
          <RecordSupervisionForm key={recorded.times} workers={list} onRecorded={(message) => {
            setRecorded((before) => ({ message, times: before.times + 1 }));
            window.scrollTo(0, 0);
          }} />
        </>
      ) : null}
      {chosen ? <SupervisionRecord key={`${chosen}-${recorded.times}`} workerId={chosen} name={chosenName ?? (chosen === viewer?.workerId ? 'you' : chosen)} /> : null}
    </>
  );
}

export const supervisionWorklist: WorklistPage = { path: 'supervision', title: 'Supervision', councilOnly: true, Page: SupervisionPage };

