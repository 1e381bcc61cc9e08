/**
 * Why a child's record is shared with a partner agency, and until when, worked out from the
 * folded record: every module's reasons for the work it owns (partnerSharingOf on DomainModule),
 * put together. A partner agency sees a child only for a reason, while the work behind that
 * reason is open (and for a configured period after it ends, applied when reading: see
 * access/policy.ts), never merely because it was once involved.
 */
import type { Effective, DomainModule } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import type { ChildRecordState } from './child-record-state.ts';
import type { EffectiveEvent } from './effective-event.ts';
import type { PartnerSharing } from './partner-sharing-reason.ts';

export type { PartnerSharing };

type SharingOf = (state: ChildRecordState, events: readonly EffectiveEvent[]) => PartnerSharing[];

/** Each module that shares, with the types of its own events (the events it is given). */
const sharingModules = (domainModules as readonly DomainModule[]).flatMap((module) =>
  module.partnerSharingOf ? [{ sharingOf: module.partnerSharingOf as unknown as SharingOf, eventTypes: new Set(module.events.map((schema) => schema.shape.type.value)) }] : []);

/**
 * Every reason the child is shared with an agency, one per agency, reason and subject: from the
 * earliest start any module gives it (attending several meetings of one plan is one reason, from
 * the first of them), until the end the last module to give it says (children in need carries
 * on a contact the front door shared, while the episode it led to is open).
 */
export function partnerSharingOf(state: ChildRecordState, effectiveEvents: readonly EffectiveEvent[]): PartnerSharing[] {
  const shared = new Map<string, PartnerSharing>();
  for (const { sharingOf, eventTypes } of sharingModules) {
    const own = effectiveEvents.filter((event: Effective<{ type: string }>) => eventTypes.has(event.type));
    for (const sharing of sharingOf(state, own)) {
      // Children's social care is the council itself: its staff see children by caseload, team or service.
      if (sharing.agency === 'childrens-social-care') continue;
      const key = `${sharing.agency}\u0000${sharing.reason}\u0000${sharing.subjectId}`;
      const earlier = shared.get(key);
      shared.set(key, earlier && earlier.startedOn <= sharing.startedOn ? { ...sharing, startedOn: earlier.startedOn } : sharing);
    }
  }
  return [...shared.values()];
}
