/**
 * The domain modules Safeguard runs with, in the order their events, actions and record parts are
 * listed. A new domain is one line here (and one in src/web/module-registry.ts for its web parts).
 */
import { childProtectionModule } from './child-protection/index.ts';
import { childrenInNeedModule } from './children-in-need/index.ts';
import { documentsModule } from './documents/index.ts';
import { frontDoorModule } from './front-door/index.ts';
import { peopleModule } from './people/index.ts';
import { privateFosteringModule } from './private-fostering/index.ts';

export const domainModules = [peopleModule, documentsModule, frontDoorModule, childrenInNeedModule, childProtectionModule, privateFosteringModule] as const;
