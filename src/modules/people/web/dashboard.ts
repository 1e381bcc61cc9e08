import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** The workforce's figures on the dashboard (its metrics.ts, domain workforce). */
export const peopleDashboardGroups: readonly DashboardGroup[] = [{ domain: 'workforce', title: 'Workforce' }];
