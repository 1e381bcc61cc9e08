/**
 * The partner view of a child's record: what a partner agency (police, health, a school) sees of
 * a record shared with it. The schemas below are the whole of it: a field they do not name is
 * dropped when the view is parsed, so the answer cannot carry what is left out, however the
 * record grows. Left out: other agencies' MASH checks and what they said; assessment factors,
 * outcomes and the primary need; visits' workers; who recorded each entry and who decided,
 * authorised or chaired; free-text rationales, summaries and the referrer's name; the history of
 * allocation; the reasons for corrections and voids; and the access log (refused to partners).
 * Kept: who the child is, where they are in the journey, the dates and decisions of contacts,
 * referrals, enquiries, conferences and plans, the agency's own checks, the allocated worker to
 * contact, and what is due.
 */
import { z } from 'zod';
import { categoryOfAbuseCodes } from '../codes/statutory-codes.ts';
import type { StoredEvent } from './events.ts';

const Text = z.string();
const OptionalDate = z.string().nullish();

const PartnerChildDetails = z.object({
  forename: Text, surname: Text, dateOfBirth: OptionalDate, expectedDateOfBirth: OptionalDate, sex: Text, ethnicity: Text,
  disabilities: z.array(Text).nullish(), upn: Text.nullish(), nhsNumber: Text.nullish(), firstLanguage: Text.nullish(),
  address: z.object({ line1: Text.nullish(), postcode: Text.nullish() }).nullish(),
});

const PartnerMashCheck = z.object({ agency: Text, requestedOn: OptionalDate, completedOn: OptionalDate, informationHeld: z.boolean().nullish() });

const PartnerContact = z.object({
  contactId: Text, receivedOn: Text, source: Text, localSource: Text.nullish(), primaryReason: Text, otherReasons: z.array(Text).nullish(),
  decision: Text.nullish(), decidedOn: OptionalDate,
  /** The agency's own checks only. */
  mashChecks: z.array(PartnerMashCheck),
});

const PartnerPlan = z.object({
  planId: Text, startedOn: Text, prebirth: z.boolean(), initialCategory: Text, latestCategory: Text, numberOfPreviousPlans: z.number(),
  reviewConferences: z.array(Text), coreGroups: z.array(Text), endedOn: OptionalDate, endReason: Text.nullish(),
});

const PartnerEpisode = z.object({
  episodeId: Text, referralOn: Text, source: Text, contactId: Text.nullish(), closedOn: OptionalDate,
  /** That an assessment was made and when: not what it found. */
  assessments: z.array(z.object({ assessmentId: Text, startedOn: Text, completedOn: OptionalDate })),
  cinPlans: z.array(z.object({ cinPlanId: Text, startedOn: Text, endedOn: OptionalDate })),
  strategyDiscussions: z.array(z.object({ strategyDiscussionId: Text, heldOn: Text, decision: Text })),
  section47s: z.array(z.object({ section47Id: Text, startedOn: Text, completedOn: OptionalDate, outcome: Text.nullish(), icpcOn: OptionalDate })),
  initialConferences: z.array(z.object({ conferenceId: Text, heldOn: Text, planRequired: z.boolean() })),
  cpPlans: z.array(PartnerPlan),
});

const PartnerDuty = z.object({
  ruleId: Text, subjectId: Text, occurrence: z.number(), startedOn: Text, dueOn: Text, dueAt: Text.nullish(), unit: Text.nullish(),
  state: Text, daysLeft: z.number().nullish(), lateBy: z.number().nullish(),
});

export const PartnerChildRecord = z.object({
  view: z.literal('partner'),
  childId: Text,
  laCode: Text,
  status: Text,
  details: PartnerChildDetails.nullish(),
  /** Whom to contact at the council: the current allocation, not its history. */
  allocation: z.object({ workerId: Text, teamId: Text, startedOn: Text }).nullable(),
  openEpisode: PartnerEpisode.nullable(),
  activeChildProtectionPlan: PartnerPlan.extend({ latestCategoryLabel: Text.nullish() }).nullable(),
  episodes: z.array(PartnerEpisode),
  contacts: z.array(PartnerContact),
  relationships: z.array(z.object({
    relationshipId: Text, relationship: Text, relatedChildId: Text.nullish(), relatedPerson: z.object({ name: Text, dateOfBirth: OptionalDate }).nullish(),
    parentalResponsibility: z.boolean().nullish(), livesWithChild: z.boolean().nullish(), recordedOn: Text, endedOn: OptionalDate,
  })),
  households: z.array(z.object({ householdId: Text, joinedOn: Text, leftOn: OptionalDate })),
  duties: z.array(PartnerDuty),
  asAt: Text,
});
export type PartnerChildRecord = z.infer<typeof PartnerChildRecord>;

/** What a partner sees of each event's data, by type; events of types not named here are not shown. */
const partnerEventData = {
  'child.registered': PartnerChildDetails.partial(),
  'child.details-changed': PartnerChildDetails.partial(),
  'relationship.recorded': z.object({
    relationship: Text, relatedChildId: Text.nullish(), relatedPerson: z.object({ name: Text, dateOfBirth: OptionalDate }).nullish(),
    parentalResponsibility: z.boolean().nullish(), livesWithChild: z.boolean().nullish(),
  }),
  'relationship.ended': z.object({ relationshipId: Text.nullish() }),
  'household.joined': z.object({ householdId: Text }),
  'household.left': z.object({ householdId: Text.nullish() }),
  'contact.received': z.object({ source: Text, localSource: Text.nullish(), primaryReason: Text, otherReasons: z.array(Text).nullish() }),
  'mash-check.requested': z.object({ contactId: Text.nullish(), agency: Text }),
  'mash-check.completed': z.object({ contactId: Text.nullish(), agency: Text, informationHeld: z.boolean(), summary: Text.nullish() }),
  'contact.decided': z.object({ contactId: Text.nullish(), decision: Text }),
  'referral.received': z.object({ source: Text, contactId: Text.nullish() }),
  'assessment.started': z.object({}),
  'assessment.completed': z.object({ assessmentId: Text.nullish() }),
  'cin-plan.started': z.object({}),
  'cin-plan.ended': z.object({ cinPlanId: Text.nullish() }),
  'visit.made': z.object({ kind: Text, childSeen: z.boolean(), seenAlone: z.boolean().nullish() }),
  'episode.closed': z.object({}),
  'strategy-discussion.held': z.object({ attendingAgencies: z.array(Text), decision: Text }),
  'section-47.completed': z.object({ section47Id: Text.nullish(), outcome: Text }),
  'conference.initial-held': z.object({ section47Id: Text.nullish(), planRequired: z.boolean(), categoryOfAbuse: Text.nullish(), attendingAgencies: z.array(Text) }),
  'core-group.held': z.object({ planId: Text.nullish(), attendingAgencies: z.array(Text) }),
  'conference.review-held': z.object({
    planId: Text.nullish(), planContinues: z.boolean(), categoryOfAbuse: Text.nullish(), planEndReason: Text.nullish(), attendingAgencies: z.array(Text),
  }),
  'cp-plan.ended': z.object({ planId: Text.nullish(), reason: Text }),
  'cp-plan.category-changed': z.object({ planId: Text.nullish(), categoryOfAbuse: Text }),
  'event.voided': z.object({ voidedEventId: Text }),
} satisfies Partial<Record<StoredEvent['type'], z.ZodType>>;
type PartnerEventType = keyof typeof partnerEventData;

const partnerEventTypes = Object.keys(partnerEventData) as PartnerEventType[];
const PartnerChronologyEntryBase = z.object({
  eventId: Text,
  sequence: z.number(),
  occurredAt: Text,
  occurredOn: Text,
  recordedAt: Text,
  supersedes: Text.nullish(),
  effective: z.boolean(),
  voided: z.object({ byEventId: Text }).nullable(),
  supersededBy: Text.nullable(),
});
/** One entry per event type, each with the data the partner view names for it. */
const PartnerChronologyEntry = z.discriminatedUnion('type', partnerEventTypes.map((type) =>
  PartnerChronologyEntryBase.extend({ type: z.literal(type), data: partnerEventData[type] })) as unknown as [z.ZodObject, ...z.ZodObject[]]);

export const PartnerChronology = z.object({ view: z.literal('partner'), childId: Text, entries: z.array(PartnerChronologyEntry) });
/** Spelt out: the union of one schema per event type is built from a list, which its inferred type does not follow. */
export type PartnerChronology = {
  view: 'partner';
  childId: string;
  entries: (z.infer<typeof PartnerChronologyEntryBase> & { type: PartnerEventType; data: Record<string, unknown> })[];
};

/** A MASH check, or an event about one, belongs to the agency it was asked of. */
const isOwnCheck = (agency: string) => (check: { agency?: unknown }) => check.agency === agency;

/** The partner view of a record's summary (see record/service.ts childRecordSummary) for `agency`. */
export function partnerRecordOf(summary: { contacts: readonly { mashChecks: readonly { agency: string }[] }[] } & Record<string, unknown>, agency: string): PartnerChildRecord {
  return PartnerChildRecord.parse({
    ...summary,
    view: 'partner',
    contacts: summary.contacts.map((contact) => ({ ...contact, mashChecks: contact.mashChecks.filter(isOwnCheck(agency)) })),
    activeChildProtectionPlan: summary.activeChildProtectionPlan
      ? { ...summary.activeChildProtectionPlan as object, latestCategoryLabel: categoryOfAbuseCodes[(summary.activeChildProtectionPlan as { latestCategory: string }).latestCategory as keyof typeof categoryOfAbuseCodes] }
      : null,
  });
}

/**
 * The partner view of a chronology (see record/service.ts chronologyOf) for `agency`: the events
 * it may see, each with only the data the partner view names for its type.
 */
export function partnerChronologyOf(childId: string, entries: readonly (StoredEvent & { occurredOn: string; effective: boolean; voided: { byEventId: string } | null; supersededBy: string | null })[], agency: string): PartnerChronology {
  const own = isOwnCheck(agency);
  const seen = (entry: (typeof entries)[number]) => entry.type in partnerEventData && (!entry.type.startsWith('mash-check.') || own(entry.data as { agency?: unknown }));
  const shownIds = new Set(entries.filter(seen).map((entry) => entry.eventId));
  // A void of an event the partner does not see would tell it that there was one.
  const shown = entries.filter((entry) => shownIds.has(entry.eventId) && (entry.type !== 'event.voided' || shownIds.has((entry.data as { voidedEventId: string }).voidedEventId)));
  return PartnerChronology.parse({
    view: 'partner',
    childId,
    entries: shown.map((entry) => ({ ...entry, voided: entry.voided ? { byEventId: entry.voided.byEventId } : null })),
  }) as PartnerChronology;
}
