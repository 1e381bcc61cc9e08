import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/** Adoption's figures on the dashboard (its metrics.ts, domain adoption). */
export const adoptionDashboardGroups: readonly DashboardGroup[] = [{ domain: 'adoption', title: 'Adoption and permanence' }];
