import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Private fostering's figures on the dashboard (its metrics.ts, domain private-fostering). */
export const privateFosteringDashboardGroups: readonly DashboardGroup[] = [{ domain: 'private-fostering', title: 'Private fostering' }];
