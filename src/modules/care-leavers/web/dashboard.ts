import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Care leavers' figures on the dashboard (its metrics.ts, domain care-leavers). */
export const careLeaversDashboardGroups: readonly DashboardGroup[] = [{ domain: 'care-leavers', title: 'Care leavers' }];
