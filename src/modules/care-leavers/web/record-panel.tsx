/**
 * Care leavers' parts of a young person's record: what the personal adviser needs at a glance
 * (eligibility, the adviser, the next pathway plan review and contact due, the last birthday
 * contact) as a summary card, and the support in full as the Leaving care view.
 */
import type { DutyOut } from '../../../record/read-model.ts';
import { formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { SummaryList, Table, Tag } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { birthdayContactsOf, nextBirthdayContactOf, type BirthdayContactDue } from '../birthday-contacts.ts';
import {
  accommodationCodes, activityCodes, contactMethodCodes, eligibilityCategoryCodes, inTouchCodes, lifelongLinksOutcomeCodes, participationCodes,
  supportEndedReasonCodes, tenancyKindCodes,
} from '../codes.ts';
import type { CareLeaversReadModel, LeavingCare } from '../read-model.ts';
import { ADVISER_CONTACT_RULE, PATHWAY_PLAN_RULE, PATHWAY_REVIEW_RULE } from '../timescales.ts';

type DueDuty = Pick<DutyOut, 'ruleId' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy'> & { unit?: string };

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);
const categoryWords = (code: string) => words(eligibilityCategoryCodes, code).split(':')[0]!;
const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

/** The next duty of a rule the young person has open, if any. */
function nextDue(duties: readonly DueDuty[], ruleIds: readonly string[]): { dueOn: string; tag: UrgencyTag } | null {
  const due = duties.filter((duty) => ruleIds.includes(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue')).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return due ? { dueOn: due.dueOn, tag: urgencyOf(due) } : null;
}

/** The last birthday contact in words: "Around the 18th birthday (20 May 2025): in touch; …". */
export function birthdayContactWords(contact: LeavingCare['birthdayContacts'][number]): string {
  const parts = [words(inTouchCodes, contact.inTouch)];
  if (contact.accommodation) parts.push(`${words(accommodationCodes, contact.accommodation)} (${contact.accommodationSuitable ? 'suitable' : 'not suitable'})`);
  if (contact.activity) parts.push(words(activityCodes, contact.activity));
  return `${formatDate(contact.contactedOn)}, for the ${ordinal(contact.birthdayAge)} birthday: ${parts.join('; ')}`;
}

export const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;

export function birthdayDueWords(due: BirthdayContactDue): string {
  const window = `from ${formatDate(due.opensOn)} to ${formatDate(due.dueBy)}`;
  if (due.state === 'overdue') return `Overdue: the ${ordinal(due.birthdayAge)} birthday's contact was due by ${formatDate(due.dueBy)}`;
  return `Around the ${ordinal(due.birthdayAge)} birthday (${formatDate(due.birthday)}): ${window}`;
}

type CareLeaversShown = RecordKernel & CareLeaversReadModel & { details?: { dateOfBirth?: string } };

const dutiesOf = (record: RecordKernel): DueDuty[] => record.duties.map((duty) => ({ ...duty, unit: typeof duty.unit === 'string' ? duty.unit : undefined }));

/** The card: eligibility, the personal adviser, what is due next and the last birthday contact. */
export function CareLeaverCard(props: RecordPartProps<CareLeaversShown>) {
  const { record } = props;
  const { workerName } = useSession();
  const support = record.leavingCare;
  if (!support) return null;
  const duties = dutiesOf(record);
  const eligibility = support.eligibilityDecisions.at(-1)!;
  const adviser = support.personalAdvisers.at(-1);
  const review = nextDue(duties, [PATHWAY_PLAN_RULE, PATHWAY_REVIEW_RULE]);
  const contact = nextDue(duties, [ADVISER_CONTACT_RULE]);
  const lastBirthday = support.birthdayContacts.at(-1);
  const dateOfBirth = record.details?.dateOfBirth;
  const birthday = dateOfBirth && !support.ended ? nextBirthdayContactOf(birthdayContactsOf(support, dateOfBirth, record.asAt.slice(0, 10))) : undefined;
  const dueRow = (key: string, due: { dueOn: string; tag: UrgencyTag } | null, none: string) => (due
    ? { key: { text: key }, value: { children: <>{formatDate(due.dueOn)} <Tag text={due.tag.text} classes={`govuk-tag--${due.tag.colour}`} /></> } }
    : row(key, none));
  return (
    <SummaryList card={{ title: { text: 'Leaving care' }, attributes: { 'data-testid': 'care-leaver-card' } }} rows={[
      row('Eligibility', `${categoryWords(eligibility.category)} (decided ${formatDate(eligibility.decidedOn)})`),
      row('Personal adviser', adviser ? `${workerName(adviser.workerId)} since ${formatDate(adviser.allocatedOn)}` : 'Not allocated'),
      support.ended ? row('Support ended', `${formatDate(support.ended.endedOn)}: ${words(supportEndedReasonCodes, support.ended.reason).toLowerCase()}`) : null,
      support.ended ? null : dueRow(support.pathwayPlan ? 'Next pathway plan review' : 'Pathway plan due', review, support.pathwayPlan ? 'Nothing due' : 'Not yet owed'),
      support.ended ? null : dueRow('Next personal adviser contact', contact, 'Nothing due'),
      row('Last birthday contact', lastBirthday ? birthdayContactWords(lastBirthday) : 'None yet'),
      birthday ? row('Next birthday contact', birthdayDueWords(birthday)) : null,
    ]} />
  );
}

/** The Leaving care view: the support in full. */
export function LeavingCareView(props: RecordPartProps<CareLeaversShown>) {
  const support = props.record.leavingCare;
  if (!support) return <p className="govuk-body">The young person has no leaving care support recorded.</p>;
  const table = (caption: string, testId: string, head: string[], rows: string[][]) => (rows.length === 0 ? null : (
    <div className="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table caption={caption} captionClasses="govuk-table__caption--s" attributes={{ 'data-testid': testId }}
        head={head.map((text) => ({ text }))} rows={rows.map((cells) => cells.map((text) => ({ text })))} />
    </div>
  ));
  return (
    <>
      <h2 className="govuk-heading-m">Leaving care support since {formatDate(support.since)}</h2>
      {table('Eligibility decisions', 'care-leaver-eligibility', ['Date', 'Category', 'The record\'s periods of care', 'Reason'],
        support.eligibilityDecisions.map((d) => [formatDate(d.decidedOn), categoryWords(d.category), d.computedCategory ? categoryWords(d.computedCategory) : 'None on the record', d.reason ?? '']))}
      {table('Pathway plan and reviews, the latest first', 'care-leaver-pathway', ['Date', 'What', 'The young person'],
        [
          ...support.pathwayPlanReviews.map((r) => [formatDate(r.reviewedOn), 'Review', words(participationCodes, r.participation)]).reverse(),
          ...(support.pathwayPlan ? [[formatDate(support.pathwayPlan.madeOn), 'Plan made', words(participationCodes, support.pathwayPlan.participation)]] : []),
        ])}
      {table('Birthday contacts (the SSDA903 OC3 record)', 'care-leaver-birthday-contacts', ['Birthday', 'Date', 'In touch', 'Activity', 'Accommodation'],
        support.birthdayContacts.map((c) => [
          ordinal(c.birthdayAge), formatDate(c.contactedOn), words(inTouchCodes, c.inTouch), c.activity ? `${c.activity}: ${words(activityCodes, c.activity)}` : '',
          c.accommodation ? `${c.accommodation}${c.accommodationSuitable ? 1 : 2}: ${words(accommodationCodes, c.accommodation)}, ${c.accommodationSuitable ? 'suitable' : 'not suitable'}` : '',
        ]))}
      {table('Personal adviser contacts, the latest first', 'care-leaver-contacts', ['Date', 'How'],
        [...support.adviserContacts].reverse().map((c) => [formatDate(c.contactedOn), words(contactMethodCodes, c.method)]))}
      {table('Accommodation, the latest first', 'care-leaver-accommodation', ['Date', 'Accommodation', 'Suitable', 'Tenancy'],
        [...support.accommodations].reverse().map((a) => [
          formatDate(a.changedOn), words(accommodationCodes, a.accommodation), a.suitable ? 'Yes' : 'No',
          a.tenancy ? `${words(tenancyKindCodes, a.tenancy)} from ${formatDate(a.tenancyStartedOn)}` : '',
        ]))}
      {table('Staying put', 'care-leaver-staying-put', ['Began', 'Ended', 'Former foster carers'],
        support.stayingPut.map((s) => [formatDate(s.startedOn), s.endedOn ? formatDate(s.endedOn) : 'Continuing', s.carerName ?? '']))}
      {table('Lifelong Links', 'care-leaver-lifelong-links', ['Referred', 'Outcome'],
        support.lifelongLinks.map((l) => [formatDate(l.referredOn), l.outcome ? words(lifelongLinksOutcomeCodes, l.outcome) : 'Not known yet']))}
    </>
  );
}
