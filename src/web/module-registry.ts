/**
 * The domain modules' web parts the web app runs with, in the registry's order (as
 * src/modules/registry.ts lists the modules on the server). A new domain's web parts are one line
 * here.
 */
import { childProtectionDashboardGroups } from '../modules/child-protection/web/dashboard.ts';
import { childrenInNeedDashboardGroups } from '../modules/children-in-need/web/dashboard.ts';
import { frontDoorDashboardGroups } from '../modules/front-door/web/dashboard.ts';
import { peopleDashboardGroups } from '../modules/people/web/dashboard.ts';

/** Each module's tables of figures on the dashboard. */
export const dashboardGroups = [...peopleDashboardGroups, ...frontDoorDashboardGroups, ...childrenInNeedDashboardGroups, ...childProtectionDashboardGroups] as const;
