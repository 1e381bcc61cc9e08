/**
 * Care planning's parts of a child's record: the next review and visit due, the IRO, and how the
 * child's health and PEP stand, as a summary card; and the reviews, visits and health as a view of
 * their own ("Reviews, visits and health"). What is due comes from the record's duties.
 */
import type { DutyOut } from '../../../record/read-model.ts';
import { formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { SummaryList, Table, Tag } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { healthAssessorCodes, mentalHealthScreeningOutcomeCodes, reviewParticipationCodes, visitLocationCodes } from '../codes.ts';
import type { CarePlanningReadModel, CarePlanningSummary } from '../read-model.ts';
import { healthAssessmentRuleIds, pepRuleIds, reviewRuleIds, visitRuleIds } from '../timescales.ts';

/** A duty of the child as the record summary gives it, as far as the panel reads it. */
type DueDuty = Pick<DutyOut, 'ruleId' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy'> & { unit?: string };

interface NextDue { dueOn: string; tag: UrgencyTag }

export interface CarePlanningPanel {
  nextReview: NextDue | null;
  nextVisit: NextDue | null;
  nextHealthAssessment: NextDue | null;
  nextPep: NextDue | null;
  lastReview: string;
  lastVisit: string;
  health: string;
  education: string;
  reviews: string[][];
  visits: string[][];
  healthRows: string[][];
}

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);

/** The earliest open or overdue duty of some rules. */
function nextOf(duties: readonly DueDuty[], ruleIds: readonly string[]): NextDue | null {
  const due = duties.filter((duty) => ruleIds.includes(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return due ? { dueOn: due.dueOn, tag: urgencyOf(due) } : null;
}

const seenWords = (visit: { childSeen: boolean; seenAlone: boolean }) => (visit.childSeen ? (visit.seenAlone ? 'Seen alone' : 'Seen, not alone') : 'Not seen');

/** The panel for a child looked after now or before; null for a child never looked after with nothing recorded. */
export function carePlanningPanelOf(part: CarePlanningSummary, duties: readonly DueDuty[] = []): CarePlanningPanel | null {
  const recorded = part.reviews.length + part.visits.length + part.healthAssessments.length + part.personalEducationPlans.length;
  if (part.currentPeriodId === null && recorded === 0) return null;
  const review = part.reviews.at(-1);
  const visit = part.visits.at(-1);
  const assessment = part.healthAssessments.at(-1);
  const dental = part.dentalChecks.at(-1);
  const immunised = part.immunisations.at(-1);
  const pep = part.personalEducationPlans.at(-1);
  const school = part.schools.at(-1);
  const attendance = part.attendance.at(-1);
  return {
    nextReview: nextOf(duties, reviewRuleIds),
    nextVisit: nextOf(duties, visitRuleIds),
    nextHealthAssessment: nextOf(duties, healthAssessmentRuleIds),
    nextPep: nextOf(duties, pepRuleIds),
    lastReview: review ? `${formatDate(review.heldOn)} (review ${review.reviewNumber}): ${words(reviewParticipationCodes, review.participation)}` : 'None yet',
    lastVisit: visit ? `${formatDate(visit.visitedOn)}: ${seenWords(visit).toLowerCase()}, ${words(visitLocationCodes, visit.location).toLowerCase()}` : 'None yet',
    health: [
      assessment ? `${assessment.kind === 'initial' ? 'Initial' : 'Review'} health assessment ${formatDate(assessment.assessedOn)}` : 'No health assessment yet',
      dental ? `dental check ${formatDate(dental.checkedOn)}` : 'no dental check yet',
      immunised ? `immunisations ${immunised.upToDate ? 'up to date' : 'not up to date'} (${formatDate(immunised.recordedOn)})` : 'immunisations not recorded',
    ].join('; '),
    education: [
      pep ? `PEP ${formatDate(pep.heldOn)}` : 'No PEP yet',
      school ? `${school.schoolName}${school.urn ? ` (URN ${school.urn})` : ''} since ${formatDate(school.from)}` : 'school not recorded',
      attendance ? `attendance ${attendance.percent}% in the ${attendance.term} term ${attendance.schoolYear}/${(attendance.schoolYear + 1) % 100}` : 'attendance not recorded',
    ].join('; '),
    reviews: [...part.reviews].reverse().map((r) => [formatDate(r.heldOn), String(r.reviewNumber), `${r.participation}: ${words(reviewParticipationCodes, r.participation)}`, r.recommendations ?? '']),
    visits: [...part.visits].reverse().map((v) => [formatDate(v.visitedOn), seenWords(v), words(visitLocationCodes, v.location)]),
    healthRows: [
      ...part.healthAssessments.map((a) => [a.assessedOn, a.kind === 'initial' ? 'Initial health assessment' : 'Review health assessment', words(healthAssessorCodes, a.assessedBy) + (a.assessorName ? `: ${a.assessorName}` : '')]),
      ...part.dentalChecks.map((c) => [c.checkedOn, 'Dental check', '']),
      ...part.mentalHealthScreenings.map((s) => [s.screenedOn, 'Mental health screening', `${words(mentalHealthScreeningOutcomeCodes, s.outcome)}${s.referredToCamhs ? '; referred to CAMHS' : ''}`]),
      ...part.sdqs.map((s) => [s.recordedOn, 'Strengths and difficulties questionnaire', s.score !== undefined ? `Score ${s.score}` : `No score (${s.reasonNotDone})`]),
    ].sort((a, b) => b[0]!.localeCompare(a[0]!)).map(([on, what, detail]) => [formatDate(on), what!, detail!]),
  };
}

/** A partner agency's view of the record leaves care planning out (src/record/partner-view.ts). */
type CarePlanningShown = RecordKernel & Partial<CarePlanningReadModel>;

const dutiesOf = (record: RecordKernel): DueDuty[] =>
  record.duties.map((duty) => ({ ...duty, unit: typeof duty.unit === 'string' ? duty.unit : undefined }));

const dueValue = (due: NextDue | null, none: string) => (due
  ? { children: <>{formatDate(due.dueOn)} <Tag text={due.tag.text} classes={`govuk-tag--${due.tag.colour}`} /></> }
  : { text: none });

/** The card beside what is due: next review and visit, the IRO, health and education. */
export function CarePlanningCard(props: RecordPartProps<CarePlanningShown>) {
  const { workerName } = useSession();
  const part = props.record.carePlanning;
  const panel = part ? carePlanningPanelOf(part, dutiesOf(props.record)) : null;
  if (!part || !panel) return null;
  return (
    <SummaryList card={{ title: { text: 'Reviews, visits, health and education' }, attributes: { 'data-testid': 'care-planning-card' } }} rows={[
      { key: { text: 'Next review due' }, value: dueValue(panel.nextReview, 'None due') },
      { key: { text: 'Next visit due' }, value: dueValue(panel.nextVisit, 'None due') },
      { key: { text: 'Independent reviewing officer' }, value: { text: part.iroWorkerId ? workerName(part.iroWorkerId) : 'Not allocated' } },
      { key: { text: 'Last review' }, value: { text: panel.lastReview } },
      { key: { text: 'Last visit' }, value: { text: panel.lastVisit } },
      { key: { text: 'Health' }, value: { text: panel.health } },
      panel.nextHealthAssessment ? { key: { text: 'Next health assessment due' }, value: dueValue(panel.nextHealthAssessment, '') } : null,
      { key: { text: 'Education' }, value: { text: panel.education } },
      panel.nextPep ? { key: { text: 'Next PEP due' }, value: dueValue(panel.nextPep, '') } : null,
    ]} />
  );
}

/** The reviews, visits and health records, the latest first. */
export function CarePlanningReviewsVisitsAndHealth(props: RecordPartProps<CarePlanningShown>) {
  if (!props.record.carePlanning) return <p className="govuk-body">Care planning is not part of the view of the record shared with your agency.</p>;
  const panel = carePlanningPanelOf(props.record.carePlanning, dutiesOf(props.record));
  if (!panel) return <p className="govuk-body">The child has not been looked after.</p>;
  return (
    <>
      <h2 className="govuk-heading-m">Looked-after reviews</h2>
      <p className="govuk-body" data-testid="care-planning-next-review">Next review due: {panel.nextReview ? formatDate(panel.nextReview.dueOn) : 'none'}</p>
      {panel.reviews.length === 0 ? <p className="govuk-body">No reviews yet.</p> : (
        <Table classes="govuk-!-font-size-16 app-break-anywhere" caption="Looked-after reviews, the latest first" captionClasses="govuk-table__caption--s" attributes={{ 'data-testid': 'care-planning-reviews' }}
          head={['Date', 'Review', 'The child\'s participation', 'Recommendations'].map((text) => ({ text }))} rows={panel.reviews.map((r) => r.map((text) => ({ text })))} />
      )}
      <h2 className="govuk-heading-m">Visits</h2>
      <p className="govuk-body" data-testid="care-planning-next-visit">Next visit due: {panel.nextVisit ? formatDate(panel.nextVisit.dueOn) : 'none'}</p>
      {panel.visits.length === 0 ? <p className="govuk-body">No visits yet.</p> : (
        <Table classes="govuk-!-font-size-16 app-break-anywhere" caption="Visits to the child, the latest first" captionClasses="govuk-table__caption--s" attributes={{ 'data-testid': 'care-planning-visits' }}
          head={['Date', 'The child', 'Where'].map((text) => ({ text }))} rows={panel.visits.map((r) => r.map((text) => ({ text })))} />
      )}
      <h2 className="govuk-heading-m">Health</h2>
      {panel.healthRows.length === 0 ? <p className="govuk-body">No health records yet.</p> : (
        <Table classes="govuk-!-font-size-16 app-break-anywhere" caption="Health assessments, checks and screenings, the latest first" captionClasses="govuk-table__caption--s"
          head={['Date', 'What', 'Detail'].map((text) => ({ text }))} rows={panel.healthRows.map((r) => r.map((text) => ({ text })))} />
      )}
    </>
  );
}
