/**
 * The record's "Case notes" view: the child's notes newest first, each with its type, when, who
 * wrote it, who was present, the narrative, the child's own words, the event it belongs to, and
 * whether it was corrected or recorded in error; and the "Add a case note" form (?add, with
 * &event= to choose the event it belongs to, as "Add a note to this visit" does).
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../web/api.ts';
import { offers } from '../../../web/access.ts';
import { formatDate } from '../../../web/format.ts';
import { InsetText, NotificationBanner, SummaryList, Tag } from '../../../web/govuk/index.ts';
import { EventFormView } from '../../../web/recording/event-form-view.tsx';
import { Link, navigate, useLocation } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/use-api.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { noteTypeCodes } from '../codes.ts';
import type { RelatedChild } from '../../../record/read-model.ts';
import type { CaseNoteOut, ChildCaseNotes } from '../read-model.ts';
import { caseNoteForm, linkableEventText, THIS_CHILD } from './forms.ts';

/** What the view reads of the record beyond the kernel: the child's households. */
export type CaseNotesShown = RecordKernel & { households?: readonly { householdId: string; joinedOn: string; leftOn?: string | null }[] };

const timeOf = (instant: string) => (instant.length > 10 ? new Date(instant).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }) : undefined);
/** "5 March 2024 at 14:30", or the date alone when no time was recorded. */
export const whenOf = (note: Pick<CaseNoteOut, 'occurredAt' | 'occurredOn'>) => {
  const time = timeOf(note.occurredAt);
  return `${formatDate(note.occurredOn)}${time ? ` at ${time}` : ''}`;
};

const paragraphs = (text: string) => text.split(/\n{1,}/).map((line) => line.trim()).filter(Boolean);

export function CaseNotesView(props: RecordPartProps<CaseNotesShown>) {
  const { record } = props;
  const { query } = useLocation();
  const { viewer } = useSession();
  const partner = record.view === 'partner';
  const notes = useApi<ChildCaseNotes>(partner ? null : `/children/${encodeURIComponent(record.childId)}/case-notes`);
  const adding = query.has('add');
  const [saved, setSaved] = useState<string>();
  // A note opened from a search result or a link: brought into view once the notes have loaded.
  useEffect(() => {
    if (!notes.data || adding || !window.location.hash.startsWith('#note-')) return;
    const target = document.getElementById(window.location.hash.slice(1));
    if (target) { target.scrollIntoView(); target.focus(); }
  }, [notes.data, adding]);

  if (partner) return <InsetText text="Case notes are not shared with partner agencies." />;
  if (notes.error) return <p className="govuk-body">{notes.error instanceof ApiError ? notes.error.message : 'The case notes could not be loaded: try again'}</p>;
  if (!notes.data) return <p className="govuk-body">Loading…</p>;
  const records = Boolean(viewer && offers.recordEvents(viewer));
  const base = `/children/${encodeURIComponent(record.childId)}/case-notes`;
  if (adding && records) {
    return <AddCaseNote record={record} notes={notes.data} linkTo={query.get('event') ?? undefined} back={base} onSaved={(message) => { setSaved(message); notes.reload(); navigate(base); }} />;
  }
  return (
    <>
      {saved ? <NotificationBanner type="success" text={saved} /> : null}
      <h2 className="govuk-heading-m">Case notes</h2>
      {records ? <a href={`${base}?add`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">Add a case note</a> : null}
      {notes.data.notes.length === 0 ? <p className="govuk-body">No case notes have been recorded.</p> : (
        <p className="govuk-body">{notes.data.notes.length} {notes.data.notes.length === 1 ? 'note' : 'notes'}, newest first.</p>
      )}
      <ol className="govuk-list" data-testid="case-notes">
        {notes.data.notes.map((note) => (
          <li key={note.noteId}>
            <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            <CaseNote note={note} />
          </li>
        ))}
      </ol>
    </>
  );
}

function CaseNote(props: { note: CaseNoteOut }) {
  const { note } = props;
  const { workerName } = useSession();
  const rows = [
    { key: { text: 'When' }, value: { text: whenOf(note) } },
    { key: { text: 'Written by' }, value: { text: note.writtenByWorkerId ? workerName(note.writtenByWorkerId) : workerName(note.recordedBy.userId) } },
    ...(note.present.length > 0 ? [{ key: { text: 'Present' }, value: { text: note.present.join(', ') } }] : []),
    ...(note.linkedEvent ? [{ key: { text: 'Belongs to' }, value: { text: linkableEventText(note.linkedEvent) } }] : []),
    ...(note.householdId ? [{ key: { text: 'About' }, value: { text: `Everyone in household ${note.householdId}` } }] : []),
  ];
  return (
    <article id={`note-${note.noteId}`} tabIndex={-1} className={`app-case-note${note.voided ? ' app-case-note--voided' : ''}`} aria-labelledby={`note-${note.noteId}-title`} data-testid="case-note">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`note-${note.noteId}-title`}>
        {noteTypeCodes[note.noteType as keyof typeof noteTypeCodes] ?? note.noteType}: {formatDate(note.occurredOn)}{' '}
        {note.voided ? <Tag text="Recorded in error" classes="govuk-tag--grey" /> : null}
        {!note.voided && note.versions > 1 ? <Tag text="Corrected" classes="govuk-tag--yellow" /> : null}
      </h3>
      {note.voided ? <p className="govuk-body">This note was recorded in error: {note.voided.reason}</p> : null}
      {note.versions > 1 && note.correctionReason ? <p className="govuk-body-s">Corrected: {note.correctionReason} (first recorded {formatDate(note.firstRecordedAt)})</p> : null}
      <SummaryList classes="govuk-summary-list--no-border govuk-!-margin-bottom-2" rows={rows} />
      <div className="app-case-note__narrative">{paragraphs(note.narrative).map((text, index) => <p key={index} className="govuk-body">{text}</p>)}</div>
      {note.voiceOfTheChild ? (
        <div className="govuk-inset-text" data-testid="voice-of-the-child">
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">The child's wishes and feelings</h4>
          {paragraphs(note.voiceOfTheChild).map((text, index) => <p key={index} className="govuk-body">{text}</p>)}
        </div>
      ) : null}
    </article>
  );
}

function AddCaseNote(props: { record: CaseNotesShown; notes: ChildCaseNotes; linkTo?: string; back: string; onSaved: (message: string) => void }) {
  const { record, notes } = props;
  const today = new Date().toISOString().slice(0, 10);
  const households = (record.households ?? []).filter((h) => h.joinedOn <= today && (!h.leftOn || h.leftOn > today));
  // The other children in the household, named so the worker knows whose records a household note goes on.
  const related = useApi<{ children: RelatedChild[] }>(households.length > 0 ? `/children/${encodeURIComponent(record.childId)}/related-children` : null);
  const others = (related.data?.children ?? []).filter((child) => child.links.includes('household')).map((child) => `${child.forename} ${child.surname}`);
  const form = caseNoteForm({ linkableEvents: notes.linkableEvents, households: households.map((h) => h.householdId), othersInHousehold: others });
  const linked = props.linkTo && notes.linkableEvents.some((event) => event.eventId === props.linkTo) ? props.linkTo : undefined;
  return (
    <>
      <p className="govuk-body"><Link href={props.back} className="govuk-back-link">Back to case notes</Link></p>
      <h2 className="govuk-heading-m">Add a case note</h2>
      <EventFormView
        form={form}
        childId={record.childId}
        initialValues={{ ...(households.length > 0 ? { about: THIS_CHILD } : {}), ...(linked ? { linkedEventId: linked } : {}) }}
        submitText="Save note"
        send={async (command) => {
          const { householdId, ...data } = command.data;
          if (typeof householdId !== 'string') {
            await api.post(`/children/${encodeURIComponent(record.childId)}/events`, command);
            return;
          }
          await api.post(`/households/${encodeURIComponent(householdId)}/case-notes`, { clientId: command.clientId, occurredAt: command.occurredAt, data });
        }}
        onRecorded={() => props.onSaved('Case note saved')}
      />
    </>
  );
}

