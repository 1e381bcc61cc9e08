/**
 * The modules' web parts the web app runs with, in the order of src/modules/registry.ts. A new
 * domain's web part is one line here (and its own src/modules/<domain>/web/ folder).
 */
import { carePlanningWeb } from '../modules/care-planning/web/index.ts';
import { adoptionWeb } from '../modules/adoption/web/index.ts';
import { careLeaversWeb } from '../modules/care-leavers/web/index.ts';
import { caseNotesWeb } from '../modules/case-notes/web/index.ts';
import { childProtectionWeb } from '../modules/child-protection/web/index.ts';
import { childrenInNeedWeb } from '../modules/children-in-need/web/index.ts';
import { documentsWeb } from '../modules/documents/web/index.ts';
import { familyNetworkWeb } from '../modules/family-network/web/index.ts';
import { frontDoorWeb } from '../modules/front-door/web/index.ts';
import { lookedAfterWeb } from '../modules/looked-after/web/index.ts';
import { managementOversightWeb } from '../modules/management-oversight/web/index.ts';
import { peopleWeb } from '../modules/people/web/index.ts';
import { privateFosteringWeb } from '../modules/private-fostering/web/index.ts';
import { returnsWeb } from '../modules/returns/web/index.ts';
import { supervisionWeb } from '../modules/supervision/web/index.ts';
import { tasksWeb } from '../modules/tasks/web/index.ts';
import { youthJusticeWeb } from '../modules/youth-justice/web/index.ts';

export const webModules = [peopleWeb, documentsWeb, frontDoorWeb, childrenInNeedWeb, childProtectionWeb, privateFosteringWeb, caseNotesWeb, familyNetworkWeb, tasksWeb, supervisionWeb, managementOversightWeb, lookedAfterWeb, carePlanningWeb, adoptionWeb, youthJusticeWeb, careLeaversWeb, returnsWeb] as const;

/** Each module's tables of figures on the dashboard, in the registry's order. */
export const dashboardGroups = webModules.flatMap((module) => module.dashboardGroups ?? []);
