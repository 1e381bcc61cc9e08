import type { Effective } from '../modules/domain-module.ts';
import type { EventBody } from './events.ts';

/**
 * An event as the fold sees it: after corrections are resolved, with its business date in London
 * time. `entityId` is the id other events use to refer to it: the id of the first event in its
 * correction chain, so correcting a contact does not orphan the decision that refers to it.
 * `sequence` is likewise the first version's: a correction is folded where what it corrects was.
 */
export type EffectiveEvent = Effective<EventBody>;
