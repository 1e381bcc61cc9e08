import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Child protection's figures on the dashboard (its metrics.ts): plans and enquiries, and conferences. */
export const childProtectionDashboardGroups: readonly DashboardGroup[] = [
  { domain: 'child-protection', title: 'Child protection' },
  { domain: 'conferences', title: 'Conferences' },
];
