import type { DashboardGroup } from '../../../web/dashboards/dashboard-group.ts';

/**
 * Care planning's table on the dashboard: the education of children looked after (CLA-27, PEPs on
 * time and attendance). Its other figures (CLA-17 to CLA-26) are in the looked-after domain, whose
 * table the looked-after module gives.
 */
export const carePlanningDashboardGroups: readonly DashboardGroup[] = [{ domain: 'education', title: 'Education of children looked after' }];
