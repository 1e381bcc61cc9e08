import type { Involvement, TransitionRow } from '../modules/domain-module.ts';
import { longDateOf } from '../platform/calendar/calendar.ts';
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
  ['event.voided', { action: 'mark an entry as recorded in error', what: 'the entry', requires: 'first record the entry', holds: () => true }],
]) as Record<EventType, TransitionRow<ChildRecordState>>;

export type ChildAction = EventType;

/** An event as a noun, for messages: "the conference". */
export const eventNounOf = (type: string): string => actionRequirements[type as EventType]?.what ?? 'the entry';

/** What doing an action is, as a verb phrase for messages: "record an initial child protection conference". */
export const actionWordsOf = (type: string): string => actionRequirements[type as EventType]?.action ?? 'record this';

/** Phrases joined as a person writes them: "a, b or c". */
export function inWordsJoined(phrases: readonly string[], conjunction = 'or'): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} ${conjunction} ${phrases.at(-1)}`;
}

/**
 * The refusal of an action the record does not allow on a date, in words a person can act on:
 * "You cannot record an initial child protection conference on 21 November 2026: first record a
 * section 47 enquiry that decides to hold one. On that date you can record a visit, record a
 * strategy discussion or close the case." (Voiding is always allowed, so it is not listed.)
 */
export function refusalOf(type: string, state: ChildRecordState, occurredOn: string): string {
  const requirement = actionRequirements[type as EventType];
  const allowed = allowedActions(state)
    .filter((action) => action !== 'event.voided' && actionRequirements[action].action !== undefined)
    .map(actionWordsOf);
  const instead = allowed.length > 0 ? ` On that date you can ${inWordsJoined([...new Set(allowed)])}.` : '';
  return `You cannot ${actionWordsOf(type)} on ${longDateOf(occurredOn)}: ${requirement?.requires ?? 'the record does not allow it'}.${instead}`;
}

export function allowedActions(state: ChildRecordState): ChildAction[] {
  return (Object.keys(actionRequirements) as ChildAction[]).filter((action) => actionRequirements[action].holds(state));
}

/**
 * Everything the child is involved in now, from every module, the furthest along first (of two as
 * far along, the one begun first; lists order them the same way: see the child_involvement projection).
 */
export function involvementsOf(state: ChildRecordState): Involvement[] {
  return domainModules
    .flatMap((module) => (module.involvementsOf as ((state: ChildRecordState) => Involvement[]) | undefined)?.(state) ?? [])
    .sort((a, b) => b.rank - a.rank || (a.since < b.since ? -1 : a.since > b.since ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * A one-word summary of where the child is, for lists and refusals: the kind of their furthest-along
 * involvement; 'known' with none, 'not-registered' before registration.
 */
export type ChildStatus = string;

/**
 * Whether the child has been registered (and the registration not voided), and the record not
 * merged into another child's: until then, and while merged, the record projects nothing, so a
 * merged duplicate is in no list, figure or due list (its events count under the surviving record).
 */
export const isRegisteredChild = (state: ChildRecordState): boolean => state.details !== undefined && state.mergedInto === undefined;

/** The status of a registered child with these involvements (furthest along first). */
export const statusOfInvolvements = (involvements: readonly Involvement[]): ChildStatus => involvements[0]?.kind ?? 'known';

export function childStatusOf(state: ChildRecordState): ChildStatus {
  return isRegisteredChild(state) ? statusOfInvolvements(involvementsOf(state)) : 'not-registered';
}
