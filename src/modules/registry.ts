/**
 * The domain modules Safeguard runs with, in the order their events, actions and record parts are
 * listed. A new domain is one line here (and one in src/web/module-registry.ts for its web parts).
 */
import { carePlanningModule } from './care-planning/index.ts';
import { adoptionModule } from './adoption/index.ts';
import { careLeaversModule } from './care-leavers/index.ts';
import { caseNotesModule } from './case-notes/index.ts';
import { childProtectionModule } from './child-protection/index.ts';
import { childrenInNeedModule } from './children-in-need/index.ts';
import { documentsModule } from './documents/index.ts';
import { familyNetworkModule } from './family-network/index.ts';
import { frontDoorModule } from './front-door/index.ts';
import { lookedAfterModule } from './looked-after/index.ts';
import { managementOversightModule } from './management-oversight/index.ts';
import { peopleModule } from './people/index.ts';
import { privateFosteringModule } from './private-fostering/index.ts';
import { returnsModule } from './returns/index.ts';
import { supervisionModule } from './supervision/index.ts';
import { tasksModule } from './tasks/index.ts';
import { youthJusticeModule } from './youth-justice/index.ts';

export const domainModules = [peopleModule, documentsModule, frontDoorModule, childrenInNeedModule, childProtectionModule, privateFosteringModule, caseNotesModule, familyNetworkModule, tasksModule, supervisionModule, managementOversightModule, lookedAfterModule, carePlanningModule, adoptionModule, youthJusticeModule, careLeaversModule, returnsModule] as const;
