import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Children looked after's figures on the dashboard (its metrics.ts, domain looked-after). */
export const lookedAfterDashboardGroups: readonly DashboardGroup[] = [{ domain: 'looked-after', title: 'Children looked after' }];
