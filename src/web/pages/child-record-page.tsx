import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { assessmentFactorCodes, categoryOfAbuseCodes, contactReasonCodes, ethnicityCodes, primaryNeedCodes, reasonForClosureCodes, referralSourceCodes, sexCodes } from '../../codes/statutory-codes.ts';
import { offers } from '../access.ts';
import { ApiError, query as apiQuery, type ChildRecord, type ChronologyEntry, type Duty, type Episode, type RelatedChild } from '../api.ts';
import { NotificationBanner, Select, SummaryList, Tag, Button, type SummaryListRow } from '../govuk/index.ts';
import { ageOn, byUrgency, eventLabel, eventTypeLabels, formatDate, formatDateTime, humanise, statusLabels, urgencyOf } from '../format.ts';
import { eventForms, journeyOrder, nextSteps } from '../recording/event-forms.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { markReady } from '../timing.ts';
import { useApi } from '../use-api.ts';
import { takeFlash } from './flash.ts';
import { RestrictedRecord } from './restricted-record.tsx';

type View = 'summary' | 'chronology' | 'episodes' | 'household';

interface Rule {
  id: string;
  title: string;
}

const views: { view: View; text: string; path: string }[] = [
  { view: 'summary', text: 'Summary', path: '' },
  { view: 'chronology', text: 'Chronology', path: '/chronology' },
  { view: 'episodes', text: 'Episodes and plans', path: '/episodes' },
  { view: 'household', text: 'Household and relationships', path: '/household' },
];

function StatusTag(props: { status: string }) {
  const status = statusLabels[props.status] ?? { text: props.status, colour: 'grey' };
  return <Tag text={status.text} classes={`govuk-tag--${status.colour}`} />;
}

/** The child's record: who they are, where they are in the journey, what is due, and everything that happened. */
export function ChildRecordPage(props: { childId: string; view: View }) {
  const { childId, view } = props;
  const record = useApi<ChildRecord>(`/children/${encodeURIComponent(childId)}`);
  const rules = useApi<{ rules: Rule[] }>('/timescale-rules');
  const [flash, setFlashShown] = useState(takeFlash);
  const firstView = useRef(view);
  // The message belongs to the page it was shown on, not to the record's other views.
  useEffect(() => { if (view !== firstView.current) setFlashShown(undefined); }, [view]);
  const ready = Boolean(record.data && rules.data);
  useEffect(() => { if (ready && view === 'summary') markReady('child-record'); }, [ready, view]);
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
  return (
    <>
      {flash ? <NotificationBanner type="success" text={flash} /> : null}
      <span className="govuk-caption-l">{childId}</span>
      <h1 className="govuk-heading-l">{name} <StatusTag status={child.status} /></h1>
      <nav className="app-sub-navigation" aria-label="Child record">
        <ul className="app-sub-navigation__list">
          {views.map((item) => (
            <li key={item.view} className={`app-sub-navigation__item${item.view === view ? ' app-sub-navigation__item--current' : ''}`}>
              <a className="govuk-link govuk-link--no-visited-state" href={`/children/${childId}${item.path}`} aria-current={item.view === view ? 'page' : undefined}>{item.text}</a>
            </li>
          ))}
        </ul>
      </nav>
      {child.view === 'partner' ? <PartnerViewNotice /> : null}
      {view === 'summary' ? <Summary child={child} ruleTitle={ruleTitle} /> : null}
      {view === 'chronology' ? <Chronology childId={childId} /> : null}
      {view === 'episodes' ? <Episodes child={child} /> : null}
      {view === 'household' ? <Household child={child} /> : null}
    </>
  );
}

function RecordActions(props: { child: ChildRecord }) {
  const { viewer } = useSession();
  if (!viewer || !offers.recordEvents(viewer)) return null;
  const allowed = (type: string) => (props.child.allowedActions ?? []).includes(type) && eventForms[type] !== undefined;
  const next = (nextSteps[props.child.status] ?? []).filter(allowed);
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

function DutiesTable(props: { duties: Duty[]; ruleTitle: (id: string) => string; caption: string }) {
  if (props.duties.length === 0) return <p className="govuk-body">Nothing is due.</p>;
  return (
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
          const tag = urgencyOf({ ...duty, unit: (duty as Duty & { unit?: string }).unit });
          return (
            <tr key={`${duty.ruleId}-${duty.subjectId}-${duty.occurrence}`} className="govuk-table__row">
              <td className="govuk-table__cell">{props.ruleTitle(duty.ruleId)}</td>
              <td className="govuk-table__cell app-nowrap" data-testid="due-on">{formatDate(duty.dueOn)}</td>
              <td className="govuk-table__cell"><Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Summary(props: { child: ChildRecord; ruleTitle: (id: string) => string }) {
  const { child } = props;
  const { workerName, teamName } = useSession();
  const details = child.details;
  const episode = child.openEpisode;
  const plan = child.activeChildProtectionPlan;
  const open = child.duties.filter((duty) => duty.state === 'open' || duty.state === 'overdue').sort(byUrgency);
  const age = ageOn(details?.dateOfBirth, child.asAt);
  const flags: ReactNode[] = [];
  if (plan && plan.numberOfPreviousPlans > 0) flags.push(<Tag key="repeat" text={`Repeat plan (${plan.numberOfPreviousPlans} before)`} classes="govuk-tag--purple" />);
  if (child.episodes.length > 1) flags.push(<Tag key="episodes" text={`${child.episodes.length} episodes`} classes="govuk-tag--grey" />);
  if (details?.disabilities?.some((d) => d !== 'NONE')) flags.push(<Tag key="disability" text="Disability" classes="govuk-tag--blue" />);
  const lastVisit = episode?.visits?.at(-1);
  const keyDates = ([
    episode ? { key: { text: 'Referral' }, value: { text: formatDate(episode.referralOn) } } : null,
    episode?.assessments.at(-1) ? { key: { text: 'Assessment' }, value: { text: `Started ${formatDate(episode.assessments.at(-1)!.startedOn)}${episode.assessments.at(-1)!.completedOn ? `, completed ${formatDate(episode.assessments.at(-1)!.completedOn)}` : ', in progress'}` } } : null,
    episode?.section47s.at(-1) ? { key: { text: 'Section 47 enquiry' }, value: { text: `Started ${formatDate(episode.section47s.at(-1)!.startedOn)}${episode.section47s.at(-1)!.completedOn ? `, completed ${formatDate(episode.section47s.at(-1)!.completedOn)}` : ', in progress'}` } } : null,
    plan ? { key: { text: 'Child protection plan' }, value: { text: `Since ${formatDate(plan.startedOn)}, ${categoryOfAbuseCodes[plan.latestCategory as keyof typeof categoryOfAbuseCodes] ?? plan.latestCategory}` } } : null,
    plan ? { key: { text: 'Last review conference' }, value: { text: plan.reviewConferences.at(-1) ? formatDate(plan.reviewConferences.at(-1)) : 'None yet' } } : null,
    lastVisit ? { key: { text: 'Last visit' }, value: { text: `${formatDate(lastVisit.visitedOn)}: child ${lastVisit.childSeen ? (lastVisit.seenAlone ? 'seen alone' : 'seen') : 'not seen'}` } } : null,
  ] as (SummaryListRow | null)[]).filter((row): row is SummaryListRow => Boolean(row));
  return (
    <>
      {flags.length > 0 ? <p className="govuk-body" data-testid="flags">{flags.map((flag, i) => <span key={i} className="govuk-!-margin-right-2">{flag}</span>)}</p> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">What is due</h2>
          <DutiesTable duties={open} ruleTitle={props.ruleTitle} caption="What is due for this child" />
          <RecordActions child={child} />
          <AboutThisRecord childId={child.childId} />
        </div>
        <div className="govuk-grid-column-one-half">
          <SummaryList card={{ title: { text: 'About the child' } }} rows={[
            { key: { text: 'Date of birth' }, value: { text: details?.dateOfBirth ? `${formatDate(details.dateOfBirth)} (${age} ${age === 1 ? 'year' : 'years'})` : details?.expectedDateOfBirth ? `Expected ${formatDate(details.expectedDateOfBirth)}` : 'Not known' } },
            { key: { text: 'Sex' }, value: { text: sexCodes[details?.sex as keyof typeof sexCodes] ?? details?.sex ?? '' } },
            { key: { text: 'Ethnicity' }, value: { text: ethnicityCodes[details?.ethnicity as keyof typeof ethnicityCodes] ?? details?.ethnicity ?? '' } },
            details?.nhsNumber ? { key: { text: 'NHS number' }, value: { text: details.nhsNumber } } : null,
            details?.address?.postcode ? { key: { text: 'Postcode' }, value: { text: details.address.postcode } } : null,
          ]} />
          <SummaryList card={{ title: { text: 'Allocation' } }} rows={[
            { key: { text: 'Social worker' }, value: { text: child.allocation ? workerName(child.allocation.workerId) : 'Not allocated' } },
            { key: { text: 'Team' }, value: { text: teamName(child.allocation?.teamId) } },
            child.allocation ? { key: { text: 'Allocated' }, value: { text: formatDate(child.allocation.startedOn) } } : null,
          ]} />
          {keyDates.length > 0 ? <SummaryList card={{ title: { text: 'Key dates' } }} rows={keyDates} /> : null}
        </div>
      </div>
    </>
  );
}

function Chronology(props: { childId: string }) {
  const { query } = useLocation();
  const { workerName } = useSession();
  const type = query.get('type') ?? '';
  const oldestFirst = query.get('order') === 'oldest';
  const chronology = useApi<{ entries: ChronologyEntry[] }>(`/children/${encodeURIComponent(props.childId)}/chronology`);
  const entries = chronology.data?.entries ?? [];
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
            {shown.map((entry) => (
              <li key={entry.eventId} className={`app-timeline__item${entry.effective ? '' : ' app-timeline__item--superseded'}`}>
                <h3 className="govuk-heading-s app-timeline__title">
                  {eventLabel(entry.type)}{' '}
                  {entry.voided ? <Tag text="Voided" classes="govuk-tag--grey" /> : null}
                  {entry.supersededBy ? <Tag text="Corrected later" classes="govuk-tag--grey" /> : null}
                  {entry.supersedes ? <Tag text="Correction" classes="govuk-tag--yellow" /> : null}
                </h3>
                <p className="govuk-body govuk-!-margin-bottom-1">{describe(entry, workerName)}</p>
                {entry.voided?.reason ? <p className="govuk-body govuk-!-margin-bottom-1">Voided: {entry.voided.reason}</p> : null}
                {entry.correctionReason ? <p className="govuk-body govuk-!-margin-bottom-1">Reason for correction: {entry.correctionReason}</p> : null}
                <p className="govuk-body-s app-timeline__meta">{formatDate(entry.occurredOn)}{entry.occurredAt.includes('T') ? ` at ${timeOf(entry.occurredAt)}` : ''} · recorded {formatDate(entry.recordedAt)}{entry.recordedBy ? ` by ${workerName(entry.recordedBy.userId)}` : ''}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

const timeOf = (instant: string) => new Date(instant).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** Code lists that turn a field's code into words in the chronology. */
const codeWords: Record<string, Record<string, string>> = {
  source: referralSourceCodes, primaryReason: contactReasonCodes, categoryOfAbuse: categoryOfAbuseCodes, ethnicity: ethnicityCodes, sex: sexCodes,
  reasonForClosure: reasonForClosureCodes, primaryNeed: primaryNeedCodes,
};
const fieldWords: Record<string, string> = { localSource: 'Contact from', primaryReason: 'Reason', dateOfBirth: 'Date of birth', factors: 'Factors' };

/** A one-line account of an event's data, in words. */
function describe(entry: ChronologyEntry, workerName: (id: string) => string): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry.data)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (/Id$/.test(key) && !/WorkerId$|^workerId$/.test(key)) continue;
    if (key === 'unaccompaniedAsylumSeeking' && value === false) continue;
    const label = fieldWords[key] ?? humanise(key.replace(/WorkerId$|Id$/, '').replace(/([A-Z])/g, ' $1').toLowerCase());
    let words: string;
    if (/WorkerId$|^workerId$/.test(key)) words = workerName(String(value));
    else if (typeof value === 'boolean') words = value ? 'yes' : 'no';
    else if (Array.isArray(value)) words = value.map((v) => (key === 'factors' ? `${v} ${assessmentFactorCodes[v as keyof typeof assessmentFactorCodes] ?? ''}`.trim() : humanise(String(v)).toLowerCase())).join(', ');
    else if (typeof value === 'object') continue;
    else if (codeWords[key]?.[String(value)]) words = codeWords[key]![String(value)]!;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) words = formatDate(String(value));
    else words = /^[a-z0-9-]+$/.test(String(value)) ? humanise(String(value)).toLowerCase() : String(value);
    parts.push(`${label}: ${words}`);
  }
  return parts.join('. ');
}

function EpisodeCard(props: { episode: Episode; index: number }) {
  const { episode } = props;
  const rows: SummaryListRow[] = ([
    { key: { text: 'Referral' }, value: { text: `${formatDate(episode.referralOn)} from ${referralSourceCodes[episode.source as keyof typeof referralSourceCodes] ?? episode.source}` } },
    ...episode.assessments.map((a) => ({ key: { text: 'Assessment' }, value: { text: `${formatDate(a.startedOn)} to ${a.completedOn ? formatDate(a.completedOn) : 'in progress'}${a.factors ? `; factors ${a.factors.join(', ')}` : ''}${a.outcome ? `; ${humanise(a.outcome).toLowerCase()}` : ''}` } })),
    ...episode.strategyDiscussions.map((s) => ({ key: { text: 'Strategy discussion' }, value: { text: `${formatDate(s.heldOn)}: ${s.decision === 'section-47' ? 'section 47 enquiry started' : 'no section 47 enquiry'}` } })),
    ...episode.section47s.map((s) => ({ key: { text: 'Section 47 enquiry' }, value: { text: `${formatDate(s.startedOn)} to ${s.completedOn ? formatDate(s.completedOn) : 'in progress'}${s.outcome ? `; ${humanise(s.outcome).toLowerCase()}` : ''}` } })),
    ...episode.initialConferences.map((c) => ({ key: { text: 'Initial conference' }, value: { text: `${formatDate(c.heldOn)}: ${c.planRequired ? 'plan needed' : 'no plan'}` } })),
    ...episode.cpPlans.map((p) => ({ key: { text: 'Child protection plan' }, value: { text: `${formatDate(p.startedOn)} to ${p.endedOn ? formatDate(p.endedOn) : 'now'}; ${categoryOfAbuseCodes[p.latestCategory as keyof typeof categoryOfAbuseCodes] ?? p.latestCategory}; ${p.reviewConferences.length} reviews, ${p.coreGroups.length} core groups` } })),
    ...episode.cinPlans.map((p) => ({ key: { text: 'Child in need plan' }, value: { text: `${formatDate(p.startedOn)} to ${p.endedOn ? formatDate(p.endedOn) : 'now'}` } })),
    episode.visits ? { key: { text: 'Visits' }, value: { text: `${episode.visits.length} (${episode.visits.filter((v) => v.childSeen).length} with the child seen)` } } : null,
    { key: { text: 'Closed' }, value: { text: episode.closedOn ? `${formatDate(episode.closedOn)}${episode.reasonForClosure ? `: ${reasonForClosureCodes[episode.reasonForClosure as keyof typeof reasonForClosureCodes] ?? episode.reasonForClosure}` : ''}` : 'Open' } },
  ] as (SummaryListRow | null)[]).filter((row): row is SummaryListRow => row !== null);
  return <SummaryList card={{ title: { text: `Episode ${props.index}: ${formatDate(episode.referralOn)}${episode.closedOn ? ` to ${formatDate(episode.closedOn)}` : ' (open)'}` } }} rows={rows} />;
}

function Episodes(props: { child: ChildRecord }) {
  const episodes = props.child.episodes.map((episode, index) => ({ episode, index: index + 1 })).reverse();
  return (
    <>
      <h2 className="govuk-heading-m">Episodes and plans</h2>
      {episodes.length === 0 ? <p className="govuk-body">No children-in-need episodes.</p> : episodes.map(({ episode, index }) => <EpisodeCard key={episode.episodeId} episode={episode} index={index} />)}
      {props.child.contacts.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Contacts</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Contacts</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Received</th><th scope="col" className="govuk-table__header">Reason</th><th scope="col" className="govuk-table__header">Decision</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {props.child.contacts.slice().reverse().map((contact) => (
                <tr key={contact.contactId} className="govuk-table__row">
                  <td className="govuk-table__cell app-nowrap">{formatDate(contact.receivedOn)}</td>
                  <td className="govuk-table__cell">{humanise(contact.primaryReason)}</td>
                  <td className="govuk-table__cell">{contact.decision ? `${humanise(contact.decision)} (${formatDate(contact.decidedOn)})` : 'Awaiting decision'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function Household(props: { child: ChildRecord }) {
  const related = useApi<{ children: RelatedChild[] }>(`/children/${encodeURIComponent(props.child.childId)}/related-children`);
  const { child } = props;
  return (
    <>
      <h2 className="govuk-heading-m">Siblings and children in the household</h2>
      {related.data ? (related.data.children.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <table className="govuk-table" data-testid="related-children">
          <caption className="govuk-table__caption govuk-visually-hidden">Siblings and children in the household</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th><th scope="col" className="govuk-table__header">Date of birth</th>
            <th scope="col" className="govuk-table__header">Link</th><th scope="col" className="govuk-table__header">Status</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {related.data.children.map((other) => (
              <tr key={other.childId} className="govuk-table__row">
                <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${other.childId}`}>{other.forename} {other.surname}</a></td>
                <td className="govuk-table__cell">{formatDate(other.dateOfBirth) || 'Not known'}</td>
                <td className="govuk-table__cell">{other.links.map(humanise).join(' and ')}</td>
                <td className="govuk-table__cell"><StatusTag status={other.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )) : <p className="govuk-body">Loading…</p>}
      <h2 className="govuk-heading-m">Households</h2>
      {child.households.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {child.households.map((h) => <li key={`${h.householdId}-${h.joinedOn}`}>{h.householdId}: from {formatDate(h.joinedOn)}{h.leftOn ? ` to ${formatDate(h.leftOn)}` : ''}</li>)}
        </ul>
      )}
      <h2 className="govuk-heading-m">Relationships</h2>
      {child.relationships.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Relationships</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Person</th><th scope="col" className="govuk-table__header">Relationship</th>
            <th scope="col" className="govuk-table__header">Parental responsibility</th><th scope="col" className="govuk-table__header">Lives with the child</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {child.relationships.map((r) => (
              <tr key={r.relationshipId} className="govuk-table__row">
                <td className="govuk-table__cell">{r.relatedChildId ? <a className="govuk-link" href={`/children/${r.relatedChildId}`}>{r.relatedChildId}</a> : r.relatedPerson?.name}</td>
                <td className="govuk-table__cell">{humanise(r.relationship)}{r.endedOn ? ` (ended ${formatDate(r.endedOn)})` : ''}</td>
                <td className="govuk-table__cell">{r.parentalResponsibility ? 'Yes' : 'No'}</td>
                <td className="govuk-table__cell">{r.livesWithChild ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
