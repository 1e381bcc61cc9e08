/**
 * What the returns read of a child's record: the state the other modules keep, folded from the
 * child's events up to the end of the collection year. Each part is the owning module's public
 * state type, so a return reads the record as the record's own pages do.
 */
import type { ChildIdentity } from '../domain-module.ts';
import type { AdoptionState } from '../adoption/state.ts';
import type { CareLeaversState } from '../care-leavers/state.ts';
import type { CarePlanningState } from '../care-planning/state.ts';
import type { ChildrenInNeedState } from '../children-in-need/state.ts';
import type { FrontDoorState } from '../front-door/state.ts';
import type { LookedAfterState } from '../looked-after/state.ts';
import type { PeopleState } from '../people/state.ts';
import type { PrivateFosteringState } from '../private-fostering/state.ts';
import type { YouthJusticeState } from '../youth-justice/state.ts';

export type ReturnsChildState = ChildIdentity & PeopleState & FrontDoorState & ChildrenInNeedState & LookedAfterState & CarePlanningState
  & AdoptionState & CareLeaversState & YouthJusticeState & PrivateFosteringState;
