import { TableRegion } from '../table-region.tsx';
import { useEffect, useMemo, useRef, useState } from 'react';
import { offers } from '../access.ts';
import { ApiError, query as apiQuery } from '../api.ts';
import { NotificationBanner, Select, Tag, Button } from '../govuk/index.ts';
import { byUrgency, formatDate, formatDateTime, formatDue, humanise, urgencyOf } from '../format.ts';
import {
  chronologyEntryLinks, chronologyWords, eventForms, eventLabel, eventTypeLabels, InvolvementTag, journeyOrder, nextStepsFor, recordFlags, RecordViewContent, recordViews,
  StatusTag, SummaryCards, type ChildRecord,
} from '../module-parts.tsx';
import type { ChronologyEntry, DutyOut } from '../../record/read-model.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { markReady } from '../timing.ts';
import { useApi } from '../use-api.ts';
import { takeFlash } from './flash.ts';
import { correctionsOf } from './correct-entry-page.tsx';
import { RestrictedRecord } from './restricted-record.tsx';

interface Rule {
  id: string;
  title: string;
}

/** The record's views: its summary and chronology, then each module's (Episodes and plans, Household…). */
const views: { path: string; title: string }[] = [{ path: '', title: 'Summary' }, { path: 'chronology', title: 'Chronology' }, ...recordViews];

/**
 * The child's record: who they are, where they are in the journey, what is due, and everything that
 * happened. `view` is the path of the view shown after the record's address ('' for the summary).
 */
export function ChildRecordPage(props: { childId: string; view: string }) {
  const { childId, view } = props;
  const record = useApi<ChildRecord>(`/children/${encodeURIComponent(childId)}`);
  const rules = useApi<{ rules: Rule[] }>('/timescale-rules');
  const [flash, setFlashShown] = useState(takeFlash);
  const firstView = useRef(view);
  // The message belongs to the page it was shown on, not to the record's other views.
  useEffect(() => { if (view !== firstView.current) setFlashShown(undefined); }, [view]);
  const ready = Boolean(record.data && rules.data);
  useEffect(() => { if (ready && view === '') markReady('child-record'); }, [ready, view]);
  if (record.error instanceof ApiError && record.error.details.restricted) {
    return <RestrictedRecord childId={childId} onOpened={(expiresAt) => {
      setFlashShown(`You have opened this restricted record until ${formatDateTime(expiresAt)}. The allocated worker has been told, and your reason is on the record's access log.`);
      record.reload();
    }} />;
  }
  if (record.error) {
    return (
      <>
        <h1 className="govuk-heading-l">Child not found</h1>
        <p className="govuk-body">{record.error.message}</p>
        <p className="govuk-body"><a className="govuk-link" href="/children">Find a child</a></p>
      </>
    );
  }
  if (!record.data) return <p className="govuk-body">Loading…</p>;
  const child = record.data;
  const name = child.details ? `${child.details.forename} ${child.details.surname}` : childId;
  const ruleTitle = (id: string) => rules.data?.rules.find((rule) => rule.id === id)?.title ?? humanise(id);
  // A partner agency's view of the record gives its status alone.
  const [furthestAlong, ...alsoInvolved] = child.involvements ?? [];
  const moduleView = recordViews.find((item) => item.path === view);
  return (
    <>
      {flash ? <NotificationBanner type="success" text={flash} /> : null}
      <span className="govuk-caption-l">{childId}</span>
      <h1 className="govuk-heading-l">{name} {furthestAlong ? <InvolvementTag involvement={furthestAlong} /> : <StatusTag status={child.status} />}</h1>
      {alsoInvolved.length > 0 ? (
        <p className="govuk-body" data-testid="involvements">
          <span className="govuk-visually-hidden">Also involved: </span>
          {alsoInvolved.map((involvement) => <span key={involvement.kind} className="govuk-!-margin-right-2"><InvolvementTag involvement={involvement} /></span>)}
        </p>
      ) : null}
      <nav className="app-sub-navigation" aria-label="Child record">
        <ul className="app-sub-navigation__list">
          {views.map((item) => (
            <li key={item.path} className={`app-sub-navigation__item${item.path === view ? ' app-sub-navigation__item--current' : ''}`}>
              <a className="govuk-link govuk-link--no-visited-state" href={`/children/${childId}${item.path ? `/${item.path}` : ''}`} aria-current={item.path === view ? 'page' : undefined}>{item.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {child.view === 'partner' ? <PartnerViewNotice /> : null}
      {view === '' ? <Summary child={child} ruleTitle={ruleTitle} /> : null}
      {view === 'chronology' ? <Chronology childId={childId} /> : null}
      {moduleView ? <RecordViewContent view={moduleView} record={child} /> : null}
    </>
  );
}

function RecordActions(props: { child: ChildRecord }) {
  const { viewer } = useSession();
  if (!viewer || !offers.recordEvents(viewer)) return null;
  // A partner agency's view of the record allows nothing to be recorded.
  const allowed = (type: string) => (props.child.allowedActions ?? []).includes(type) && eventForms[type] !== undefined;
  const next = nextStepsFor(props.child.status).filter(allowed);
  const others = journeyOrder.filter((type) => allowed(type) && !next.includes(type));
  if (next.length === 0 && others.length === 0) return null;
  const href = (type: string) => `/children/${props.child.childId}/record/${type}`;
  return (
    <section aria-labelledby="record-heading" data-testid="record-actions">
      <h2 className="govuk-heading-m" id="record-heading">Record</h2>
      {next.length > 0 ? (
        <div className="govuk-button-group">
          {next.map((type, index) => (
            <a key={type} href={href(type)} role="button" draggable="false" data-module="govuk-button"
              className={`govuk-button${index === 0 ? '' : ' govuk-button--secondary'}`}>{eventForms[type]!.title}</a>
          ))}
        </div>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Also allowed now</h3>
          <ul className="govuk-list">
            {others.map((type) => <li key={type}><a className="govuk-link" href={href(type)}>{eventForms[type]!.title}</a></li>)}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Who has looked at the record, for the council's staff who may read it; restricting it, for those whose role may. */
function AboutThisRecord(props: { childId: string }) {
  const { viewer } = useSession();
  const base = `/children/${encodeURIComponent(props.childId)}`;
  const links = [
    viewer && offers.accessLog(viewer) ? <li key="access-log"><Link href={`${base}/access-log`}>Who has looked at this record</Link></li> : null,
    viewer && offers.restrictRecord(viewer) ? <li key="restrict"><Link href={`${base}/restrict`}>Restrict this record</Link></li> : null,
  ].filter(Boolean);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="about-record-heading" data-testid="record-access-actions">
      <h2 className="govuk-heading-m" id="about-record-heading">This record</h2>
      <ul className="govuk-list">{links}</ul>
    </section>
  );
}

/** Says that a partner agency is reading the partner view, so that what it leaves out is not taken for missing. */
function PartnerViewNotice() {
  return (
    <div className="govuk-inset-text" data-testid="partner-view">
      This is the view of the record shared with your agency. It leaves out other agencies' checks, what assessments found,
      visits, who recorded each entry and who has looked at the record.
    </div>
  );
}

function DutiesTable(props: { duties: DutyOut[]; ruleTitle: (id: string) => string; caption: string }) {
  if (props.duties.length === 0) return <p className="govuk-body">Nothing is due.</p>;
  return (
    <TableRegion label={props.caption}>
      <table className="govuk-table" data-testid="child-duties">
        <caption className="govuk-table__caption govuk-visually-hidden">{props.caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">What is due</th>
            <th scope="col" className="govuk-table__header">Due</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {props.duties.map((duty) => {
            const timing = { ...duty, unit: typeof duty.unit === 'string' ? duty.unit : undefined };
            const tag = urgencyOf(timing);
            return (
              <tr key={`${duty.ruleId}-${duty.subjectId}-${duty.occurrence}`} className="govuk-table__row">
                <td className="govuk-table__cell">{props.ruleTitle(duty.ruleId)}</td>
                <td className="govuk-table__cell app-nowrap" data-testid="due-on">{formatDue(timing)}</td>
                <td className="govuk-table__cell"><Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Summary(props: { child: ChildRecord; ruleTitle: (id: string) => string }) {
  const { child } = props;
  const open = child.duties.filter((duty) => duty.state === 'open' || duty.state === 'overdue').sort(byUrgency);
  const flags = recordFlags(child);
  return (
    <>
      {flags.length > 0 ? <p className="govuk-body" data-testid="flags">{flags.map((flag, i) => <span key={i} className="govuk-!-margin-right-2"><Tag text={flag.text} classes={`govuk-tag--${flag.colour}`} /></span>)}</p> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">What is due</h2>
          <DutiesTable duties={open} ruleTitle={props.ruleTitle} caption="What is due for this child" />
          <RecordActions child={child} />
          <AboutThisRecord childId={child.childId} />
        </div>
        <div className="govuk-grid-column-one-half">
          <SummaryCards record={child} />
        </div>
      </div>
    </>
  );
}

function Chronology(props: { childId: string }) {
  const { query } = useLocation();
  const { workerName, viewer } = useSession();
  const records = Boolean(viewer && offers.recordEvents(viewer));
  const type = query.get('type') ?? '';
  const oldestFirst = query.get('order') === 'oldest';
  const chronology = useApi<{ entries: ChronologyEntry[] }>(`/children/${encodeURIComponent(props.childId)}/chronology`);
  const entries = chronology.data?.entries ?? [];
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.eventId, entry])), [entries]);
  // A partner agency's view of the chronology is for reading; those who record may correct what is recorded.
  const mayCorrect = Boolean(viewer && offers.correctEntries(viewer) && (chronology.data as { view?: string } | undefined)?.view !== 'partner');
  const types = useMemo(() => [...new Set(entries.map((entry) => entry.type))], [entries]);
  const matching = entries.filter((entry) => !type || entry.type === type);
  const shown = oldestFirst ? matching : matching.slice().reverse();
  return (
    <>
      <h2 className="govuk-heading-m">Chronology</h2>
      <form className="govuk-!-margin-bottom-6" onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        navigate(`/children/${props.childId}/chronology${apiQuery({ type: String(form.get('type') ?? ''), order: form.get('order') === 'oldest' ? 'oldest' : undefined })}`);
      }}>
        <Select name="type" id="type" label={{ text: 'Show', classes: 'govuk-label--s' }} value={type}
          items={[{ value: '', text: 'Every entry' }, ...types.map((t) => ({ value: t, text: eventTypeLabels[t] ?? t }))]} />
        <Select name="order" id="order" label={{ text: 'Order', classes: 'govuk-label--s' }} value={oldestFirst ? 'oldest' : 'newest'}
          items={[{ value: 'newest', text: 'Newest first' }, { value: 'oldest', text: 'Oldest first' }]} />
        <Button text="Filter" classes="govuk-button--secondary" />
      </form>
      {chronology.loading ? <p className="govuk-body">Loading…</p> : (
        <>
          <p className="govuk-body">{shown.length} {shown.length === 1 ? 'entry' : 'entries'}, {oldestFirst ? 'oldest' : 'newest'} first.</p>
          <ol className="app-timeline" data-testid="chronology">
            {shown.map((entry) => {
              const correction = entry.supersededBy ? byId.get(entry.supersededBy) : undefined;
              const voiding = entry.voided ? byId.get(entry.voided.byEventId) : undefined;
              const corrected = entry.supersedes ? byId.get(entry.supersedes) : undefined;
              const may = mayCorrect ? correctionsOf(entry) : { correct: false, void: false };
              const what = `${eventLabel(entry.type).toLowerCase()} of ${formatDate(entry.occurredOn)}`;
              return (
                <li key={entry.eventId} id={`entry-${entry.eventId}`} data-testid="chronology-entry"
                  className={`app-timeline__item${entry.effective ? '' : ' app-timeline__item--superseded'}`}>
                  <h3 className="govuk-heading-s app-timeline__title">
                    {eventLabel(entry.type)}{' '}
                    {entry.voided ? <Tag text="Recorded in error" classes="govuk-tag--grey" /> : null}
                    {entry.supersededBy ? <Tag text="Corrected" classes="govuk-tag--grey" /> : null}
                    {entry.supersedes ? <Tag text="Correction" classes="govuk-tag--yellow" /> : null}
                  </h3>
                  <p className="govuk-body govuk-!-margin-bottom-1">{describe(entry, workerName)}</p>
                  {entry.supersededBy ? (
                    <p className="govuk-body govuk-!-margin-bottom-1" data-testid="corrected-by">
                      {correction ? `Corrected on ${formatDate(correction.recordedAt)}${correction.recordedBy ? ` by ${workerName(correction.recordedBy.userId)}` : ''}. Reason: ${correction.correctionReason ?? ''}` : 'Corrected by a later version.'}
                      {correction ? <> <a className="govuk-link" href={`#entry-${correction.eventId}`}>See the corrected version</a></> : null}
                    </p>
                  ) : null}
                  {entry.supersedes ? (
                    <p className="govuk-body govuk-!-margin-bottom-1" data-testid="correction-of">
                      Corrects the entry {corrected ? `recorded on ${formatDate(corrected.recordedAt)}${corrected.recordedBy ? ` by ${workerName(corrected.recordedBy.userId)}` : ''}` : 'recorded before'}. Reason for the correction: {entry.correctionReason}
                    </p>
                  ) : null}
                  {entry.voided ? (
                    <p className="govuk-body govuk-!-margin-bottom-1" data-testid="voided-because">
                      Marked as recorded in error{voiding ? ` on ${formatDate(voiding.recordedAt)}${voiding.recordedBy ? ` by ${workerName(voiding.recordedBy.userId)}` : ''}` : ''}. Reason: {entry.voided.reason}
                    </p>
                  ) : null}
                  {records && entry.effective ? chronologyEntryLinks({ ...entry, childId: props.childId }).map((link) => (
                    <p key={link.href} className="govuk-body-s govuk-!-margin-bottom-1"><Link href={link.href}>{link.text}{link.hiddenText ? <span className="govuk-visually-hidden"> {link.hiddenText}</span> : null}</Link></p>
                  )) : null}
                  <p className="govuk-body-s app-timeline__meta">{formatDate(entry.occurredOn)}{entry.occurredAt.includes('T') ? ` at ${timeOf(entry.occurredAt)}` : ''} · recorded {formatDate(entry.recordedAt)}{entry.recordedBy ? ` by ${workerName(entry.recordedBy.userId)}` : ''}</p>
                  {may.correct || may.void ? (
                    <p className="govuk-body app-timeline__actions">
                      {may.correct ? <Link href={`/children/${props.childId}/chronology/${entry.eventId}/correct`}>Correct this<span className="govuk-visually-hidden">: {what}</span></Link> : null}
                      {may.void ? <Link href={`/children/${props.childId}/chronology/${entry.eventId}/recorded-in-error`}>This was recorded in error<span className="govuk-visually-hidden">: {what}</span></Link> : null}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}

const timeOf = (instant: string) => new Date(instant).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** A one-line account of an event's data, in words. */
function describe(entry: ChronologyEntry, workerName: (id: string) => string): string {
  const { codeWords } = chronologyWords;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry.data)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (/Id$/.test(key) && !/WorkerId$|^workerId$/.test(key)) continue;
    if (key in chronologyWords.unremarkable && chronologyWords.unremarkable[key] === value) continue;
    const label = chronologyWords.fieldNames[key] ?? humanise(key.replace(/WorkerId$|Id$/, '').replace(/([A-Z])/g, ' $1').toLowerCase());
    let words: string;
    if (/WorkerId$|^workerId$/.test(key)) words = workerName(String(value));
    else if (typeof value === 'boolean') words = value ? 'yes' : 'no';
    else if (Array.isArray(value)) words = value.map((v) => (codeWords[key] ? `${v} ${codeWords[key][String(v)] ?? ''}`.trim() : humanise(String(v)).toLowerCase())).join(', ');
    else if (typeof value === 'object') continue;
    else if (codeWords[key]?.[String(value)]) words = codeWords[key]![String(value)]!;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) words = formatDate(String(value));
    else words = /^[a-z0-9-]+$/.test(String(value)) ? humanise(String(value)).toLowerCase() : String(value);
    parts.push(`${label}: ${words}`);
  }
  return parts.join('. ');
}
