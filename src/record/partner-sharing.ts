/**
 * Why a child's record is shared with a partner agency, and until when, worked out from the
 * folded record. A partner agency sees a child only for a reason, while the work behind that
 * reason is open (and for a configured period after it ends, applied when reading: see
 * access/policy.ts), never merely because it was once involved:
 *
 * - own-contact / own-referral: the agency's own contact, while it is undecided or, if it led to a
 *   referral, while that episode is open; a referral the agency made straight to social care,
 *   while its episode is open;
 * - mash-check: the agency was asked at the front door what it knows, while the contact is undecided;
 * - strategy-discussion: it attended a strategy discussion, while the section 47 enquiry it started
 *   is open, or, where the discussion decided against an enquiry, while the episode is open;
 * - child-protection-conference: it attended an initial conference that made no plan (the work
 *   ends that day);
 * - child-protection-plan: it attended the initial conference that made the plan, or a core group
 *   or review conference of it, while the plan is open.
 */
import type { ChildRecordState } from './child-record-state.ts';
import type { EpisodeState } from '../modules/children-in-need/index.ts';
import type { EffectiveEvent } from './effective-event.ts';

export const partnerSharingReasons = ['own-contact', 'own-referral', 'mash-check', 'strategy-discussion', 'child-protection-conference', 'child-protection-plan'] as const;
export type PartnerSharingReason = (typeof partnerSharingReasons)[number];

/** One reason the child is shared with one agency: `endedOn` absent while the work is open. */
export interface PartnerSharing {
  agency: string;
  reason: PartnerSharingReason;
  /** The contact, episode, strategy discussion, conference or plan shared for. */
  subjectId: string;
  startedOn: string;
  endedOn?: string;
}

/**
 * The partner agency behind a DfE referral source (CIN census): 2A–2B schools and education
 * services, 3A–3F health, 6 police. Other sources have no partner role in Safeguard to share with.
 */
export function agencyOfReferralSource(source: string): string | undefined {
  if (source === '6') return 'police';
  if (source.startsWith('3')) return 'health';
  if (source.startsWith('2')) return 'education';
  return undefined;
}

type AttendedEvent = Extract<EffectiveEvent, { type: 'strategy-discussion.held' | 'conference.initial-held' | 'core-group.held' | 'conference.review-held' }>;

/** Every reason the child is shared with an agency, one per agency, reason and subject. */
export function partnerSharingOf(state: ChildRecordState, effectiveEvents: readonly EffectiveEvent[]): PartnerSharing[] {
  const shared = new Map<string, PartnerSharing>();
  const share = (sharing: PartnerSharing) => {
    // Children's social care is the council itself: its staff see children by caseload, team or service.
    if (sharing.agency === 'childrens-social-care') return;
    const key = `${sharing.agency}\u0000${sharing.reason}\u0000${sharing.subjectId}`;
    const earlier = shared.get(key);
    // Attending several meetings of one plan is one reason, from the first of them.
    if (!earlier || sharing.startedOn < earlier.startedOn) shared.set(key, sharing);
  };
  const episodeOfContact = (contactId: string) => state.episodes.find((e) => e.contactId === contactId);

  for (const contact of state.contacts) {
    const agency = agencyOfReferralSource(contact.source);
    if (agency) {
      const episode = episodeOfContact(contact.contactId);
      const endedOn = episode ? episode.closedOn : contact.decidedOn;
      share({ agency, reason: 'own-contact', subjectId: contact.contactId, startedOn: contact.receivedOn, ...(endedOn ? { endedOn } : {}) });
    }
    for (const check of contact.mashChecks) {
      const startedOn = check.requestedOn ?? check.completedOn!;
      share({ agency: check.agency, reason: 'mash-check', subjectId: contact.contactId, startedOn, ...(contact.decidedOn ? { endedOn: contact.decidedOn } : {}) });
    }
  }

  const attended = new Map<string, AttendedEvent>();
  for (const event of effectiveEvents) {
    if (event.type === 'strategy-discussion.held' || event.type === 'conference.initial-held' || event.type === 'core-group.held' || event.type === 'conference.review-held') {
      attended.set(event.entityId, event);
    }
  }
  const agenciesAt = (id: string): readonly string[] => attended.get(id)?.data.attendingAgencies ?? [];
  for (const episode of state.episodes) {
    const agency = agencyOfReferralSource(episode.source);
    const contactAgency = episode.contactId ? agencyOfReferralSource(state.contacts.find((c) => c.contactId === episode.contactId)?.source ?? '') : undefined;
    if (agency && agency !== contactAgency) {
      share({ agency, reason: 'own-referral', subjectId: episode.episodeId, startedOn: episode.referralOn, ...(episode.closedOn ? { endedOn: episode.closedOn } : {}) });
    }
    addChildProtectionSharing(episode, agenciesAt, attended, share);
  }
  return [...shared.values()];
}

function addChildProtectionSharing(
  episode: EpisodeState, agenciesAt: (id: string) => readonly string[], attended: ReadonlyMap<string, AttendedEvent>, share: (sharing: PartnerSharing) => void,
): void {
  const until = (endedOn: string | undefined) => (endedOn ? { endedOn } : {});
  for (const discussion of episode.strategyDiscussions) {
    const enquiry = discussion.decision === 'section-47' ? episode.section47s.find((s) => s.section47Id === discussion.strategyDiscussionId) : undefined;
    const endedOn = enquiry ? enquiry.completedOn ?? episode.closedOn : episode.closedOn;
    for (const agency of agenciesAt(discussion.strategyDiscussionId)) {
      share({ agency, reason: 'strategy-discussion', subjectId: discussion.strategyDiscussionId, startedOn: discussion.heldOn, ...until(endedOn) });
    }
  }
  for (const conference of episode.initialConferences) {
    if (conference.planRequired) continue; // its plan's sharing, below
    for (const agency of agenciesAt(conference.conferenceId)) {
      share({ agency, reason: 'child-protection-conference', subjectId: conference.conferenceId, startedOn: conference.heldOn, endedOn: conference.heldOn });
    }
  }
  for (const plan of episode.cpPlans) {
    // A plan still open when its episode closed ends with the episode.
    const endedOn = plan.endedOn ?? episode.closedOn;
    const meetings = [...attended.values()].filter((event) =>
      event.entityId === plan.planId || ((event.type === 'core-group.held' || event.type === 'conference.review-held') && event.data.planId === plan.planId));
    for (const meeting of meetings) {
      for (const agency of meeting.data.attendingAgencies) {
        share({ agency, reason: 'child-protection-plan', subjectId: plan.planId, startedOn: meeting.occurredOn, ...until(endedOn) });
      }
    }
  }
}
