/**
 * Private fostering's web parts: its forms, words, record panel and worklist, for the web app's
 * module registry. Browser code: no database, server or route is reached from here.
 */
export { privateFosteringEventForms } from './forms.ts';
export { privateFosteringEventLabels, privateFosteringJourneyOrder, privateFosteringNextSteps, privateFosteringStatusLabels } from './labels.ts';
export { privateFosteringPanelOf, type DueDuty, type PanelRow, type PrivateFosteringPanel } from './record-panel.ts';
export {
  privateFosteringWorklistOf, privateFosteringWorklistRequests, type PrivateFosteringWorklist, type WorklistChild, type WorklistDuty, type WorklistRow,
} from './worklist.ts';
export { PrivateFosteringSummary } from '../read-model.ts';
