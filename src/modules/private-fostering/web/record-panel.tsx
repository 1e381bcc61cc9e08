/**
 * Private fostering's parts of a child's record: what the worker and the manager need at a glance
 * (the notification, the arrangement, the household, the checks, the decisions and the next visit
 * due) as a summary card, and the visits and earlier notifications as a view of their own.
 */
import type { DutyOut } from '../../../record/read-model.ts';
import { formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { SummaryList, Table, Tag } from '../../../web/govuk/index.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import {
  arrangementEndReasonCodes, carerCheckCodes, carerRelationshipCodes, notifierCodes, notPrivateFosteringReasonCodes, panelDecisionCodes,
  privateFosteringReasonCodes, reviewOutcomeCodes, suitabilityOutcomeCodes,
} from '../codes.ts';
import { nationalityCodes } from '../nationalities.ts';
import type { PrivateFosteringNotification, PrivateFosteringReadModel, PrivateFosteringSummary } from '../read-model.ts';
import { privateFosteringVisitRuleIds } from '../timescales.ts';

interface PanelRow {
  key: { text: string };
  value: { text: string };
}

/** A duty of the child as the record summary gives it, as far as the panel reads it. */
type DueDuty = Pick<DutyOut, 'ruleId' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy'> & { unit?: string };

interface PrivateFosteringPanel {
  title: string;
  /** The one line a reader takes away: "Privately fostered since 2 January 2024". */
  headline: string;
  nextVisit: { dueOn: string; text: string; tag: UrgencyTag } | null;
  rows: PanelRow[];
  visits: { caption: string; head: string[]; rows: string[][] };
  /** Earlier notifications, briefly, the latest first. */
  earlier: string[];
}

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);
const row = (key: string, value: string): PanelRow => ({ key: { text: key }, value: { text: value } });

function outcomeOf(notification: PrivateFosteringNotification): string {
  const arrangement = notification.arrangement;
  if (arrangement?.endedOn) return `Privately fostered from ${formatDate(arrangement.startedOn)} to ${formatDate(arrangement.endedOn)}: ${words(arrangementEndReasonCodes, arrangement.endReason).toLowerCase()}`;
  if (arrangement) return `Privately fostered since ${formatDate(arrangement.startedOn)}`;
  if (notification.closedOn) return `Not private fostering (${formatDate(notification.closedOn)}): ${words(notPrivateFosteringReasonCodes, notification.closureReason).toLowerCase()}`;
  return `Notification received ${formatDate(notification.receivedOn)}, not yet decided`;
}

/**
 * The panel for the child's open notification or arrangement or, when none is open, the latest
 * one; null for a child never notified.
 */
export function privateFosteringPanelOf(part: PrivateFosteringSummary, duties: readonly DueDuty[] = []): PrivateFosteringPanel | null {
  const current = part.current ?? part.notifications.at(-1);
  if (!current) return null;
  const arrangement = current.arrangement;
  const initial = current.visits.find((visit) => visit.visitKind === 'initial');
  const due = part.current === null ? undefined : duties
    .filter((duty) => (privateFosteringVisitRuleIds as readonly string[]).includes(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const rows: PanelRow[] = [
    row('Notified', `${formatDate(current.receivedOn)} by ${words(notifierCodes, current.notifiedBy).toLowerCase()}, ${current.timing === 'proposed' ? 'before the arrangement began' : 'after the arrangement began'}`),
    row('Forwarded to the children in need service', current.forwardedOn ? formatDate(current.forwardedOn) : 'Not yet'),
    row('Initial visit', initial ? `${formatDate(initial.visitedOn)}: child ${initial.childSeen ? (initial.seenAlone ? 'seen alone' : 'seen, not alone') : 'not seen'}` : 'Not yet'),
  ];
  if (arrangement) {
    const concerns = arrangement.carerChecks.filter((check) => check.outcome !== 'no-concerns');
    const assessment = arrangement.suitabilityAssessments.at(-1);
    const panel = arrangement.panelDecisions.at(-1);
    const review = arrangement.reviews.at(-1);
    const people = (list: { name: string; personId: string }[]) => list.map((person) => `${person.name} (${person.personId})`).join(', ');
    rows.push(
      row('Arrangement began', `${formatDate(arrangement.startedOn)}${arrangement.countsFrom !== arrangement.startedOn ? `; counted from ${formatDate(arrangement.countsFrom)}, when the council was told` : ''}`),
      row('Expected to end', arrangement.expectedEndOn ? formatDate(arrangement.expectedEndOn) : 'Not known'),
      row('Why privately fostered', words(privateFosteringReasonCodes, arrangement.reason)),
      row('Nationality', words(nationalityCodes, arrangement.nationality)),
      row('Private foster carer', `${people(arrangement.carers)}: ${words(carerRelationshipCodes, arrangement.carerRelationship).toLowerCase()}`),
      row('Others in the household', arrangement.householdMembers.length > 0 ? people(arrangement.householdMembers) : 'None'),
      row('Address', `${arrangement.address.line1}, ${arrangement.address.postcode}`),
      row('Parents', arrangement.parents.length > 0 ? arrangement.parents.map((p) => `${p.name} (${p.relationship}${p.livesAbroad ? ', lives abroad' : ''})`).join(', ') : 'Not recorded'),
      row('Checks on the household', arrangement.carerChecks.length === 0 ? 'None yet'
        : `${arrangement.carerChecks.length} done${concerns.length > 0 ? `; to consider: ${concerns.map((c) => `${words(carerCheckCodes, c.check)} (${c.personId})`).join(', ')}` : ', nothing of concern'}`),
      row('Suitability', assessment ? `${words(suitabilityOutcomeCodes, assessment.outcome)} (${formatDate(assessment.assessedOn)})` : 'Not yet assessed'),
      row('Panel decision', panel ? `${words(panelDecisionCodes, panel.decision)} (${formatDate(panel.decidedOn)})` : 'Not yet'),
      row('Last annual review', review ? `${words(reviewOutcomeCodes, review.outcome)} (${formatDate(review.reviewedOn)})` : 'None yet'),
    );
  }
  return {
    title: 'Private fostering',
    headline: outcomeOf(current),
    nextVisit: due ? { dueOn: due.dueOn, text: `Next visit due ${formatDate(due.dueOn)}`, tag: urgencyOf(due) } : null,
    rows,
    visits: {
      caption: 'Private fostering visits, the latest first',
      head: ['Date', 'Visit', 'The child', 'Report written'],
      rows: [...current.visits].reverse().map((visit) => [
        formatDate(visit.visitedOn), visit.visitKind === 'initial' ? 'Initial visit' : 'Monitoring visit',
        visit.childSeen ? (visit.seenAlone ? 'Seen alone' : 'Seen, not alone') : 'Not seen', visit.reportWrittenOn ? formatDate(visit.reportWrittenOn) : 'Not yet',
      ]),
    },
    earlier: part.notifications.filter((n) => n.notificationId !== current.notificationId).reverse().map(outcomeOf),
  };
}

/** A partner agency's view of the record leaves private fostering out (src/record/partner-view.ts). */
type PrivateFosteringShown = RecordKernel & Partial<PrivateFosteringReadModel>;

/** The duties as the panel reads them: a partner agency's view of the record has no unit beside each. */
const dutiesOf = (record: RecordKernel): DueDuty[] =>
  record.duties.map((duty) => ({ ...duty, unit: typeof duty.unit === 'string' ? duty.unit : undefined }));

/** The card beside what is due: the notification or arrangement, the household and the next visit due. */
export function PrivateFosteringCard(props: RecordPartProps<PrivateFosteringShown>) {
  const part = props.record.privateFostering;
  const panel = part ? privateFosteringPanelOf(part, dutiesOf(props.record)) : null;
  if (!panel) return null;
  return (
    <SummaryList card={{ title: { text: panel.title }, attributes: { 'data-testid': 'private-fostering-card' } }} rows={[
      { key: { text: 'Now' }, value: { text: panel.headline } },
      panel.nextVisit ? {
        key: { text: 'Next visit' },
        value: { children: <>{formatDate(panel.nextVisit.dueOn)} <Tag text={panel.nextVisit.tag.text} classes={`govuk-tag--${panel.nextVisit.tag.colour}`} /></> },
      } : null,
      ...panel.rows,
    ]} />
  );
}

/** The visits, the latest first, and the earlier notifications about the child. */
export function PrivateFosteringVisits(props: RecordPartProps<PrivateFosteringShown>) {
  const part = props.record.privateFostering;
  if (!part) return <p className="govuk-body">Private fostering is not part of the view of the record shared with your agency.</p>;
  const panel = privateFosteringPanelOf(part, dutiesOf(props.record));
  if (!panel) return <p className="govuk-body">The council has had no private fostering notification about this child.</p>;
  return (
    <>
      <h2 className="govuk-heading-m">{panel.headline}</h2>
      {panel.visits.rows.length === 0 ? <p className="govuk-body">No private fostering visits yet.</p> : (
        <Table caption={panel.visits.caption} captionClasses="govuk-table__caption--s" attributes={{ 'data-testid': 'private-fostering-visits' }}
          head={panel.visits.head.map((text) => ({ text }))} rows={panel.visits.rows.map((row) => row.map((text) => ({ text })))} />
      )}
      {panel.earlier.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Earlier notifications</h3>
          <ul className="govuk-list govuk-list--bullet">{panel.earlier.map((text, index) => <li key={index}>{text}</li>)}</ul>
        </>
      ) : null}
    </>
  );
}
