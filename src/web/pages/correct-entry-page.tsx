import { useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { BackLink, Button, InsetText, Textarea, WarningText } from '../govuk/index.ts';
import { ProblemSummary, useProblems } from '../forms/problems.tsx';
import { eventForms, eventLabel, type ChildRecord } from '../module-parts.tsx';
import { formValuesOf } from '../recording/event-forms.ts';
import { EventFormView } from '../recording/event-form-view.tsx';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import type { ChronologyEntry } from '../../record/read-model.ts';
import { setFlash } from './flash.ts';

/** What an entry of the chronology allows: a new version through its form, or marking it as recorded in error. */
export function correctionsOf(entry: Pick<ChronologyEntry, 'type' | 'effective' | 'voided' | 'supersededBy'>): { correct: boolean; void: boolean } {
  // Only the version that counts is corrected or voided: an earlier version, a voided entry and a void stay as they are.
  const current = entry.type !== 'event.voided' && entry.effective && !entry.voided && !entry.supersededBy;
  return { correct: current && eventForms[entry.type] !== undefined, void: current };
}

/** The record and its chronology's entry, for the pages that correct one. */
function useEntry(childId: string, eventId: string) {
  const base = `/children/${encodeURIComponent(childId)}`;
  const record = useApi<ChildRecord>(base);
  const chronology = useApi<{ entries: ChronologyEntry[] }>(`${base}/chronology`);
  const entry = chronology.data?.entries.find((item) => item.eventId === eventId);
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : childId;
  const error = record.error ?? chronology.error;
  const loading = !error && (!record.data || !chronology.data);
  return { entry, name, error, loading };
}

function EntryBeingChanged(props: { entry: ChronologyEntry; children: ReactNode }) {
  const { workerName } = useSession();
  const { entry } = props;
  const when = entry.occurredAt.length > 10 ? formatDateTime(entry.occurredAt) : formatDate(entry.occurredAt);
  return (
    <InsetText>
      <p className="govuk-body" data-testid="entry-being-changed">
        {eventLabel(entry.type)} of {when}, recorded on {formatDate(entry.recordedAt)}{entry.recordedBy ? ` by ${workerName(entry.recordedBy.userId)}` : ''}.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">{props.children}</p>
    </InsetText>
  );
}

/** Correct an entry: its form, filled in with what was recorded, and the reason for the correction. */
export function CorrectEntryPage(props: { childId: string; eventId: string }) {
  const { childId, eventId } = props;
  const { entry, name, error, loading } = useEntry(childId, eventId);
  const chronologyHref = `/children/${childId}/chronology`;
  const back = <BackLink href={chronologyHref} text={`Back to ${name}'s chronology`} />;
  if (error) return <>{back}<h1 className="govuk-heading-l">This entry can not be corrected</h1><p className="govuk-body">{error.message}</p></>;
  if (loading) return <p className="govuk-body">Loading…</p>;
  const form = entry ? eventForms[entry.type] : undefined;
  if (!entry || !form || !correctionsOf(entry).correct) {
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">This entry can not be corrected</h1>
        <WarningText text={!entry ? 'There is no such entry on this child\'s record.' : entry.supersededBy ? 'It has been corrected already: correct the latest version.'
          : entry.voided || !entry.effective ? 'It was marked as recorded in error.' : 'It has no form here. If it was recorded in error, say so from the chronology.'} />
      </>
    );
  }
  return (
    <>
      {back}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Correct this entry: {eventLabel(entry.type).toLowerCase()}</h1>
      <EventFormView
        form={form}
        childId={childId}
        initialValues={formValuesOf(form, entry)}
        correcting={{ eventId: entry.eventId, data: entry.data }}
        submitText="Save the correction"
        before={<EntryBeingChanged entry={entry}>Change what was wrong. The entry as first recorded stays in the chronology, marked as corrected, with your reason.</EntryBeingChanged>}
        onRecorded={() => {
          setFlash(`${eventLabel(entry.type)} corrected`);
          navigate(chronologyHref);
        }}
      />
    </>
  );
}

const VOID_REASON = 'reason';

/** The date today in London, the date a void is recorded on. */
const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Mark an entry as recorded in error: it stays in the chronology, marked with the reason, and no longer counts. */
export function VoidEntryPage(props: { childId: string; eventId: string }) {
  const { childId, eventId } = props;
  const { entry, name, error, loading } = useEntry(childId, eventId);
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);
  const clientId = useRef(crypto.randomUUID());
  const chronologyHref = `/children/${childId}/chronology`;
  const back = <BackLink href={chronologyHref} text={`Back to ${name}'s chronology`} />;
  if (error) return <>{back}<h1 className="govuk-heading-l">This entry can not be changed</h1><p className="govuk-body">{error.message}</p></>;
  if (loading) return <p className="govuk-body">Loading…</p>;
  if (!entry || !correctionsOf(entry).void) {
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">This entry can not be marked as recorded in error</h1>
        <WarningText text={!entry ? 'There is no such entry on this child\'s record.' : entry.supersededBy ? 'It has been corrected: go back and choose the latest version.' : 'It was marked as recorded in error already.'} />
      </>
    );
  }
  const submit = async (element: HTMLFormElement) => {
    const reason = String(new FormData(element).get(VOID_REASON) ?? '').trim();
    if (!reason) { show([{ field: VOID_REASON, message: 'Enter why the entry was recorded in error' }]); return; }
    setSubmitting(true);
    try {
      await api.post(`/children/${encodeURIComponent(childId)}/events`, {
        type: 'event.voided', occurredAt: todayInLondon(), clientId: clientId.current, data: { voidedEventId: entry.eventId, reason },
      });
      setFlash(`${eventLabel(entry.type)} marked as recorded in error`);
      navigate(chronologyHref);
    } catch (caught) {
      const onReason = caught instanceof ApiError ? caught.problems.filter((problem) => problem.field === `data.${VOID_REASON}`) : [];
      show(onReason.length > 0 ? onReason.map((problem) => ({ field: VOID_REASON, message: problem.message }))
        : [{ message: caught instanceof Error ? caught.message : 'The entry could not be marked: try again' }]);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <>
      {back}
      <div className="govuk-grid-row"><div className="govuk-grid-column-two-thirds">
        <ProblemSummary problems={problems} summaryRef={summaryRef} hrefOf={(field) => (field ? `#${field}` : undefined)} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">This was recorded in error</h1>
        <EntryBeingChanged entry={entry}>
          It will stay in the chronology, marked as recorded in error with your reason, and will no longer count towards the record, what is due or the figures.
        </EntryBeingChanged>
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="void-form">
          <Textarea name={VOID_REASON} id={VOID_REASON} label={{ text: 'Why was it recorded in error?', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, recorded on the wrong child\'s record, or recorded twice' }} errorMessage={errorOf(VOID_REASON)} />
          <div className="govuk-button-group">
            <Button text="Mark as recorded in error" classes="govuk-button--warning" disabled={submitting} preventDoubleClick />
            <a className="govuk-link" href={chronologyHref}>Cancel</a>
          </div>
        </form>
      </div></div>
    </>
  );
}
