import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Children in need's figures on the dashboard (its metrics.ts, domain children-in-need). */
export const childrenInNeedDashboardGroups: readonly DashboardGroup[] = [{ domain: 'children-in-need', title: 'Children in need' }];
