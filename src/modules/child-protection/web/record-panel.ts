/**
 * Child protection's parts of the child's record page. Its work is done within a children-in-need
 * episode, so its key dates and its rows of an episode are shown by that module's panel, in their
 * places among the episode's own.
 */
import { categoryOfAbuseCodes } from '../../../codes/statutory-codes.ts';
import { formatDate, humanise } from '../../../web/format.ts';
import type { SummaryListRow } from '../../../web/govuk/index.ts';
import type { RecordFlag } from '../../../web/web-module.ts';
import type { ChildProtectionReadModel } from '../read-model.ts';
import type { ChildProtectionParts, ChildProtectionPlanState } from '../state.ts';

const categoryWords = (code: string) => categoryOfAbuseCodes[code as keyof typeof categoryOfAbuseCodes] ?? code;

export const childProtectionFlags = (record: ChildProtectionReadModel): RecordFlag[] => {
  const plan = record.activeChildProtectionPlan;
  return plan && plan.numberOfPreviousPlans > 0 ? [{ text: `Repeat plan (${plan.numberOfPreviousPlans} before)`, colour: 'purple' }] : [];
};

/** The open episode's latest enquiry, and the plan open now with its last review. */
export function childProtectionKeyDates(record: { activeChildProtectionPlan: ChildProtectionPlanState | null; openEpisode: ChildProtectionParts | null }): SummaryListRow[] {
  const enquiry = record.openEpisode?.section47s.at(-1);
  const plan = record.activeChildProtectionPlan;
  return ([
    enquiry ? { key: { text: 'Section 47 enquiry' }, value: { text: `Started ${formatDate(enquiry.startedOn)}${enquiry.completedOn ? `, completed ${formatDate(enquiry.completedOn)}` : ', in progress'}` } } : null,
    plan ? { key: { text: 'Child protection plan' }, value: { text: `Since ${formatDate(plan.startedOn)}, ${categoryWords(plan.latestCategory)}` } } : null,
    plan ? { key: { text: 'Last review conference' }, value: { text: plan.reviewConferences.at(-1) ? formatDate(plan.reviewConferences.at(-1)) : 'None yet' } } : null,
  ] as (SummaryListRow | null)[]).filter((row): row is SummaryListRow => row !== null);
}

/** An episode's strategy discussions, enquiries, initial conferences and plans. */
export const childProtectionEpisodeRows = (episode: ChildProtectionParts): SummaryListRow[] => [
  ...episode.strategyDiscussions.map((s) => ({ key: { text: 'Strategy discussion' }, value: { text: `${formatDate(s.heldOn)}: ${s.decision === 'section-47' ? 'section 47 enquiry started' : 'no section 47 enquiry'}` } })),
  ...episode.section47s.map((s) => ({ key: { text: 'Section 47 enquiry' }, value: { text: `${formatDate(s.startedOn)} to ${s.completedOn ? formatDate(s.completedOn) : 'in progress'}${s.outcome ? `; ${humanise(s.outcome).toLowerCase()}` : ''}` } })),
  ...episode.initialConferences.map((c) => ({ key: { text: 'Initial conference' }, value: { text: `${formatDate(c.heldOn)}: ${c.planRequired ? 'plan needed' : 'no plan'}` } })),
  ...episode.cpPlans.map((p) => ({ key: { text: 'Child protection plan' }, value: { text: `${formatDate(p.startedOn)} to ${p.endedOn ? formatDate(p.endedOn) : 'now'}; ${categoryWords(p.latestCategory)}; ${p.reviewConferences.length} reviews, ${p.coreGroups.length} core groups` } })),
];
