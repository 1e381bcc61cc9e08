import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** The front door's figures on the dashboard (its metrics.ts, domain front-door). */
export const frontDoorDashboardGroups: readonly DashboardGroup[] = [{ domain: 'front-door', title: 'Front door' }];
