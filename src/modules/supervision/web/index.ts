/**
 * Supervision's web part: the Supervision page (workers against the council's standard, recording
 * a session, a worker's supervision record) and the record's Management oversight view. Browser
 * code: no database, server or route.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { SupervisionReadModel } from '../read-model.ts';
import { OversightView } from './record-panel.tsx';
import { supervisionWorklist } from './supervision-page.tsx';

export const supervisionWeb = defineWebModule()({
  id: 'supervision',
  readModel: SupervisionReadModel,
  eventLabels: { 'supervision.case-discussed': 'Case discussed in supervision' },
  chronology: { fieldNames: { workerId: 'Worker', supervisorWorkerId: 'Supervisor', supervisionId: 'Supervision session' } },
  record: { views: [{ path: 'oversight', title: 'Management oversight', Part: OversightView }] },
  worklists: [supervisionWorklist],
});
