/**
 * Youth justice's web part: its events as forms; the involvement, worker, order and remand as a
 * summary card; a Youth justice view; the joint meetings in the record's Management oversight
 * view; the worklist of children known to the youth justice service with their care status; and
 * its figures on the dashboard. Browser code: no database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import {
  attendeeRoleCodes, courtOrderCodes, involvementEndReasonCodes, involvementReasonCodes, jointMeetingKindCodes, offenceOutcomeCodes,
  orderEndReasonCodes, remandEndReasonCodes, remandTypeCodes, sentenceCodes,
} from '../codes.ts';
import { YouthJusticeReadModel } from '../read-model.ts';
import { youthJusticeDashboardGroups } from './dashboard.ts';
import { youthJusticeForms } from './forms.ts';
import { youthJusticeEventLabels, youthJusticeInvolvementTags, youthJusticeNextSteps } from './labels.ts';
import { JointOversight, YouthJusticeCard, YouthJusticeView } from './record-panel.tsx';
import { youthJusticeWorklist } from './worklist.tsx';

export const youthJusticeWeb = defineWebModule()({
  id: 'youth-justice',
  readModel: YouthJusticeReadModel,
  forms: youthJusticeForms,
  eventLabels: youthJusticeEventLabels,
  involvementTags: youthJusticeInvolvementTags,
  nextSteps: youthJusticeNextSteps,
  chronology: {
    fieldNames: {
      offenceOn: 'Date of the offence', remandType: 'Remanded to', endsOn: 'Due to end', policeStation: 'Police station', kind: 'Meeting',
      attendees: 'Took part', workerId: 'Youth justice worker',
    },
    codeWords: {
      reason: { ...involvementReasonCodes, ...involvementEndReasonCodes, ...orderEndReasonCodes, ...remandEndReasonCodes },
      outcome: offenceOutcomeCodes, sentence: sentenceCodes, order: courtOrderCodes, remandType: remandTypeCodes, kind: jointMeetingKindCodes,
      role: attendeeRoleCodes,
    },
  },
  record: {
    SummaryCards: YouthJusticeCard,
    views: [{ path: 'youth-justice', title: 'Youth justice', Part: YouthJusticeView }, { path: 'oversight', Part: JointOversight }],
  },
  dashboardGroups: youthJusticeDashboardGroups,
  worklists: [youthJusticeWorklist],
});
