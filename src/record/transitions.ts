import type { Involvement, TransitionRow } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import type { ChildRecordState } from './child-record-state.ts';
import type { EventType } from './events.ts';

/**
 * What each action needs of the child's record: every module's transition rows, and the void,
 * which any event may be. The allowed actions at any moment are the rows whose requirement holds;
 * a refused action is answered with the requirement it failed and the actions allowed instead.
 */
export const actionRequirements = Object.fromEntries([
  ...domainModules.flatMap((module) => Object.entries(module.transitions as Record<string, TransitionRow<ChildRecordState>>)),
  ['event.voided', { requires: 'an earlier event', holds: () => true }],
]) as Record<EventType, TransitionRow<ChildRecordState>>;

export type ChildAction = EventType;

export function allowedActions(state: ChildRecordState): ChildAction[] {
  return (Object.keys(actionRequirements) as ChildAction[]).filter((action) => actionRequirements[action].holds(state));
}

/** Everything the child is involved in now, from every module, the furthest along first. */
export function involvementsOf(state: ChildRecordState): Involvement[] {
  return domainModules
    .flatMap((module) => (module.involvementsOf as ((state: ChildRecordState) => Involvement[]) | undefined)?.(state) ?? [])
    .sort((a, b) => b.rank - a.rank);
}

/**
 * A one-word summary of where the child is, for lists and refusals: the kind of their furthest-along
 * involvement; 'known' with none, 'not-registered' before registration.
 */
export type ChildStatus = string;

export function childStatusOf(state: ChildRecordState): ChildStatus {
  if (state.details === undefined) return 'not-registered';
  return involvementsOf(state)[0]?.kind ?? 'known';
}
