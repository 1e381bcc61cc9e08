/**
 * Youth justice: the youth justice service's involvement with a child aged 10 to 17 (Crime and
 * Disorder Act 1998 ss.37–39), how each offence was dealt with, court orders, remands (LASPO 2012
 * ss.91–104) and PACE transfers, and the joint work of children's social care and the youth
 * justice service. A remand, a PACE transfer or a youth rehabilitation order with a residence or
 * intensive fostering requirement makes the child looked after (SSDA903 J1–J3): the looked-after
 * module records that care; this module records what the court and the police did.
 */
import type { LookedAfterState } from '../looked-after/index.ts';
import { defineDomainModule } from '../domain-module.ts';
import { youthJusticeEvents } from './events.ts';
import { youthJusticeDimensions, youthJusticeMetrics, youthJusticeUnavailableMetrics } from './metrics.ts';
import { youthJusticeProjections } from './projections.ts';
import { YouthJusticeReadModel, youthJusticeSummaryOf } from './read-model.ts';
import { youthJusticeReportSections } from './report.ts';
import { youthJusticeRetention } from './retention.ts';
import { youthJusticeInvolvements, youthJusticeReducers, youthJusticeTransitions, type YouthJusticeView } from './rules.ts';
import { youthJusticeSimulator } from './simulator.ts';
import { emptyYouthJustice, type YouthJusticeState } from './state.ts';
import { youthJusticeTimescaleRules } from './timescales.ts';
import { youthJusticeChecksBeforeWrite } from './checks.ts';

export const youthJusticeModule = defineDomainModule({
  id: 'youth-justice',
  title: 'Youth justice',
  events: youthJusticeEvents,
  initialState: emptyYouthJustice,
  reducers: youthJusticeReducers,
  transitions: youthJusticeTransitions,
  involvementsOf: youthJusticeInvolvements,
  readModel: YouthJusticeReadModel,
  summaryOf: (state: YouthJusticeView) => ({ youthJustice: youthJusticeSummaryOf(state) }),
  timescales: youthJusticeTimescaleRules,
  metrics: youthJusticeMetrics,
  unavailableMetrics: youthJusticeUnavailableMetrics,
  dimensions: youthJusticeDimensions,
  reportSections: youthJusticeReportSections,
  retention: youthJusticeRetention,
  simulator: youthJusticeSimulator,
  projections: youthJusticeProjections as never,
  checksBeforeWrite: youthJusticeChecksBeforeWrite,
});

export type { LookedAfterState, YouthJusticeState, YouthJusticeView };
export { currentInvolvementOf, knownToYouthJusticeOn } from './state.ts';
export * from './codes.ts';
export * from './events.ts';
