import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Youth justice's own figures on the dashboard (its metrics.ts, domain youth-justice); CLA-15, CLA-16 and CLA-23 stand with children looked after. */
export const youthJusticeDashboardGroups: readonly DashboardGroup[] = [{ domain: 'youth-justice', title: 'Youth justice' }];
