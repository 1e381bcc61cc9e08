/**
 * Children in need's web part: the referral, assessment, plans, visits and closing the case as
 * forms; the key dates and the episodes (with the child protection work in each) on the child's record.
 */
import { assessmentFactorCodes, primaryNeedCodes, reasonForClosureCodes, referralSourceCodes } from '../../../codes/statutory-codes.ts';
import { defineWebModule } from '../../../web/web-module.ts';
import { childrenInNeedDashboardGroups } from './dashboard.ts';
import { ChildrenInNeedReadModel } from '../read-model.ts';
import { childrenInNeedForms, type ChildrenInNeedReads } from './forms.ts';
import { childrenInNeedFlags, Episodes, KeyDates } from './record-panel.tsx';

export const childrenInNeedWeb = defineWebModule<ChildrenInNeedReads>()({
  id: 'children-in-need',
  readModel: ChildrenInNeedReadModel,
  forms: childrenInNeedForms,
  eventLabels: {
    'referral.received': 'Referral received',
    'assessment.started': 'Assessment started',
    'assessment.completed': 'Assessment completed',
    'cin-plan.started': 'Child in need plan started',
    'cin-plan.ended': 'Child in need plan ended',
    'visit.made': 'Visit',
    'episode.closed': 'Case closed',
  },
  involvementTags: {
    referral: { text: 'Referral', colour: 'blue' },
    assessment: { text: 'Assessment', colour: 'turquoise' },
    'child-in-need': { text: 'Child in need', colour: 'green' },
  },
  nextSteps: {
    referral: ['allocation.started', 'assessment.started', 'strategy-discussion.held'],
    assessment: ['assessment.completed', 'visit.made', 'strategy-discussion.held'],
    'child-in-need': ['visit.made', 'strategy-discussion.held', 'cin-plan.started', 'episode.closed'],
  },
  chronology: {
    fieldNames: { factors: 'Factors', observed: 'Observed', childsView: 'The child said', reasonInWords: 'Reason in words' },
    codeWords: { source: referralSourceCodes, reasonForClosure: reasonForClosureCodes, primaryNeed: primaryNeedCodes, factors: assessmentFactorCodes },
  },
  record: {
    flags: childrenInNeedFlags,
    SummaryCards: KeyDates,
    views: [{ path: 'episodes', title: 'Episodes and plans', Part: Episodes }],
  },
  dashboardGroups: childrenInNeedDashboardGroups,
});
