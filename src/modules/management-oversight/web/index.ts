/**
 * Management oversight's web part: where each assessment, plan and closure's authorisation stands
 * on the child's record (a summary card and a view, with "Submit for authorisation" beside each the
 * worker may submit, and managers' oversight at decision points), the steps in the chronology, and
 * the manager's worktray of items awaiting their authorisation. Browser code: no database, server
 * or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { decisionPointCodes } from '../events.ts';
import { ManagementOversightReadModel } from '../read-model.ts';
import { subjectTitles } from '../words.ts';
import { managementOversightEventLabels } from './labels.ts';
import { AuthorisationCard, ManagementOversightView } from './record-panel.tsx';
import { awaitingAuthorisationWorklist } from './worktray.tsx';

export const managementOversightWeb = defineWebModule()({
  id: 'management-oversight',
  readModel: ManagementOversightReadModel,
  eventLabels: managementOversightEventLabels,
  chronology: {
    fieldNames: { subject: 'What', comments: 'Comments', decisionPoint: 'Decision point', rationale: 'Reasons', direction: 'Direction given', managerWorkerId: 'Manager' },
    codeWords: { subject: subjectTitles, decisionPoint: decisionPointCodes },
  },
  record: {
    SummaryCards: AuthorisationCard,
    views: [{ path: 'oversight', title: 'Management oversight', Part: ManagementOversightView }],
  },
  worklists: [awaitingAuthorisationWorklist],
});
