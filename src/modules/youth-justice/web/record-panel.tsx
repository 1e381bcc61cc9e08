/**
 * Youth justice's parts of a child's record: a summary card (the involvement, the youth justice
 * worker, the order in force and any remand), the Youth justice view (offence outcomes, orders,
 * remands, PACE transfers and joint meetings), and the joint supervision and planning meetings in
 * the record's Management oversight view, beside the supervision discussions of the case.
 */
import { formatDate } from '../../../web/format.ts';
import { SummaryList, Table } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import {
  attendeeRoleCodes, courtOrderCodes, involvementEndReasonCodes, involvementReasonCodes, jointMeetingKindCodes, offenceOutcomeCodes,
  orderEndReasonCodes, remandEndReasonCodes, remandTypeCodes, sentenceCodes,
} from '../codes.ts';
import type { JointMeeting, YouthJusticeReadModel, YouthJusticeSummary } from '../read-model.ts';

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);

/** A partner agency's view of the record leaves youth justice out (src/record/partner-view.ts). */
type Shown = RecordKernel & Partial<YouthJusticeReadModel>;

/** The card's rows; null for a child the youth justice service has never worked with. */
export function youthJusticeCardRows(part: YouthJusticeSummary, workerName: (id: string) => string): { key: string; value: string }[] | null {
  const current = part.current ?? part.involvements.at(-1);
  if (!current) return null;
  const rows = [{
    key: 'Youth justice service',
    value: part.current
      ? `Involved since ${formatDate(current.startedOn)}: ${words(involvementReasonCodes, current.reason).toLowerCase()}`
      : `Involved from ${formatDate(current.startedOn)} to ${formatDate(current.endedOn!)}: ${words(involvementEndReasonCodes, current.endReason).toLowerCase()}`,
  }];
  if (part.current) {
    rows.push({ key: 'Youth justice worker', value: current.workerId ? `${workerName(current.workerId)} (from ${formatDate(current.workerAllocatedOn!)})` : 'Not allocated' });
    rows.push({
      key: 'Court order',
      value: part.currentOrders.length === 0 ? 'None in force'
        : part.currentOrders.map((o) => `${words(courtOrderCodes, o.order)}, ${formatDate(o.madeOn)} to ${formatDate(o.endsOn)}`).join('; '),
    });
    rows.push({ key: 'Remand', value: part.currentRemand ? `${words(remandTypeCodes, part.currentRemand.remandType)} since ${formatDate(part.currentRemand.remandedOn)} (${part.currentRemand.court})` : 'Not remanded' });
  }
  const latest = part.offenceOutcomes.at(-1);
  if (latest) rows.push({ key: 'Latest offence outcome', value: `${words(offenceOutcomeCodes, latest.outcome)}, ${formatDate(latest.outcomeOn)}` });
  return rows;
}

export function YouthJusticeCard(props: RecordPartProps<Shown>) {
  const { workerName } = useSession();
  const part = props.record.youthJustice;
  const rows = part ? youthJusticeCardRows(part, workerName) : null;
  if (!rows) return null;
  return (
    <SummaryList card={{ title: { text: 'Youth justice' }, attributes: { 'data-testid': 'youth-justice-card' } }}
      rows={rows.map((row) => ({ key: { text: row.key }, value: { text: row.value } }))} />
  );
}

const attendeesOf = (meeting: JointMeeting, workerName: (id: string) => string) =>
  meeting.attendees.map((a) => `${words(attendeeRoleCodes, a.role)}${a.workerId ? ` (${workerName(a.workerId)})` : a.name ? ` (${a.name})` : ''}`).join(', ');

/** The joint meetings, the latest first, as the record's management oversight shows them. */
function JointMeetings({ meetings, testId }: { meetings: readonly JointMeeting[]; testId: string }) {
  const { workerName } = useSession();
  return (
    <>
      {[...meetings].reverse().map((m) => (
        <div key={m.meetingId} className="govuk-summary-card" data-testid={testId}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{formatDate(m.heldOn)}: {words(jointMeetingKindCodes, m.kind).toLowerCase()} with the youth justice service</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Took part</dt><dd className="govuk-summary-list__value">{attendeesOf(m, workerName)}</dd></div>
              {m.discussion ? <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Discussed</dt><dd className="govuk-summary-list__value">{m.discussion}</dd></div> : null}
              <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Decided</dt><dd className="govuk-summary-list__value">{m.decisions}</dd></div>
            </dl>
          </div>
        </div>
      ))}
    </>
  );
}

/** Youth justice's part of the Management oversight view: the joint supervision and planning of the two services. */
export function JointOversight(props: RecordPartProps<Shown>) {
  const meetings = props.record.youthJustice?.jointMeetings ?? [];
  if (meetings.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Joint supervision with the youth justice service</h2>
      <JointMeetings meetings={meetings} testId="joint-oversight" />
    </>
  );
}

/** The Youth justice view: outcomes, orders, remands and PACE transfers, and the joint meetings. */
export function YouthJusticeView(props: RecordPartProps<Shown>) {
  const part = props.record.youthJustice;
  if (!part) return <p className="govuk-body">Youth justice is not part of the view of the record shared with your agency.</p>;
  if (part.involvements.length === 0 && part.offenceOutcomes.length === 0 && part.paceTransfers.length === 0) {
    return <p className="govuk-body">The youth justice service has not worked with this child.</p>;
  }
  const table = (caption: string, testId: string, head: string[], rows: string[][]) => (rows.length === 0 ? null : (
    <Table caption={caption} captionClasses="govuk-table__caption--s" attributes={{ 'data-testid': testId }}
      head={head.map((text) => ({ text }))} rows={rows.map((row) => row.map((text) => ({ text })))} />
  ));
  return (
    <>
      <h2 className="govuk-heading-m">{part.current ? `Known to the youth justice service since ${formatDate(part.current.startedOn)}` : 'Not known to the youth justice service now'}</h2>
      {table('Offence outcomes, the latest first', 'youth-justice-outcomes', ['Outcome date', 'Offence date', 'Outcome', 'Court and sentence'],
        [...part.offenceOutcomes].reverse().map((o) => [formatDate(o.outcomeOn), formatDate(o.offenceOn), words(offenceOutcomeCodes, o.outcome), o.court ? `${o.court}: ${words(sentenceCodes, o.sentence)}` : '']))}
      {table('Court orders', 'youth-justice-orders', ['Order', 'Made', 'Due to end', 'Ended'],
        [...part.courtOrders].reverse().map((o) => [words(courtOrderCodes, o.order), `${formatDate(o.madeOn)} (${o.court})`, formatDate(o.endsOn), o.endedOn ? `${formatDate(o.endedOn)}: ${words(orderEndReasonCodes, o.endReason).toLowerCase()}` : 'In force']))}
      {table('Remands', 'youth-justice-remands', ['Remanded', 'Where', 'Ended'],
        [...part.remands].reverse().map((r) => [`${formatDate(r.remandedOn)} (${r.court})`, words(remandTypeCodes, r.remandType), r.endedOn ? `${formatDate(r.endedOn)}: ${words(remandEndReasonCodes, r.endReason).toLowerCase()}` : 'On remand']))}
      {table('Transfers to council accommodation under PACE', 'youth-justice-pace', ['Transferred', 'Police station', 'Left'],
        [...part.paceTransfers].reverse().map((t) => [formatDate(t.transferredOn), t.policeStation ?? '', t.endedOn ? formatDate(t.endedOn) : '']))}
      <h3 className="govuk-heading-s">Joint meetings with children's social care</h3>
      {part.jointMeetings.length === 0 ? <p className="govuk-body">None yet.</p> : <JointMeetings meetings={part.jointMeetings} testId="youth-justice-meeting" />}
    </>
  );
}
