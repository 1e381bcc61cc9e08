/**
 * Child protection's web part: strategy discussions, enquiries, conferences, core groups and plans
 * as forms; a repeat plan flagged on the child's record. Its key dates and its rows of an episode
 * are exported for the children-in-need panel, which shows the episode they belong to.
 */
import { categoryOfAbuseCodes } from '../../../codes/statutory-codes.ts';
import { defineWebModule } from '../../../web/web-module.ts';
import { childProtectionDashboardGroups } from './dashboard.ts';
import { ChildProtectionReadModel } from '../read-model.ts';
import { childProtectionForms } from './forms.ts';
import { childProtectionEpisodeRows, childProtectionFlags, childProtectionKeyDates } from './record-panel.ts';

export const childProtectionWeb = defineWebModule()({
  id: 'child-protection',
  readModel: ChildProtectionReadModel,
  forms: childProtectionForms,
  eventLabels: {
    'strategy-discussion.held': 'Strategy discussion',
    'section-47.completed': 'Section 47 enquiry completed',
    'conference.initial-held': 'Initial child protection conference',
    'core-group.held': 'Core group meeting',
    'conference.review-held': 'Review child protection conference',
    'cp-plan.ended': 'Child protection plan ended',
    'cp-plan.category-changed': 'Category of abuse changed',
  },
  involvementTags: {
    'section-47': { text: 'Section 47 enquiry', colour: 'orange' },
    'child-protection-plan': { text: 'Child protection plan', colour: 'red' },
  },
  nextSteps: {
    'section-47': ['section-47.completed', 'conference.initial-held', 'visit.made'],
    'child-protection-plan': ['visit.made', 'core-group.held', 'conference.review-held'],
  },
  chronology: {
    codeWords: { categoryOfAbuse: categoryOfAbuseCodes },
    fieldNames: { reasons: 'Reasons', decisionRationale: 'Why this was decided', planOutline: 'Outline of the plan', findings: 'Findings', reasonInWords: 'Reason in words' },
  },
  record: { flags: childProtectionFlags },
  dashboardGroups: childProtectionDashboardGroups,
});

export { childProtectionEpisodeRows, childProtectionKeyDates };
