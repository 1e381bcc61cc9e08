import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/**
 * Care planning's figures on the dashboard. Its metrics are in the looked-after domain (CLA-17 to
 * CLA-27), whose group the looked-after module may show too: this group picks out care planning's.
 */
export const carePlanningDashboardGroups: readonly DashboardGroup[] = [
  { domain: 'looked-after', title: 'Children looked after' },
];
