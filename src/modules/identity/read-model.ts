/**
 * What the identity module's API answers and its pages read, in Zod: a child found by identity
 * search (who the child is and whether the reader may open the record, nothing of the record
 * itself), access requests and their decisions, and merges of duplicate records. Shared by the
 * server and the browser, so it holds Zod and nothing else.
 */
import { z } from 'zod';

/** The searcher's latest request to see a child's record, as its result shows it. */
export const AccessRequestStatus = z.enum(['awaiting-decision', 'granted', 'refused', 'ended']);
export type AccessRequestStatus = z.infer<typeof AccessRequestStatus>;

/** A child found by identity search: identity only, and whether the searcher may open the record. */
export const IdentityMatch = z.object({
  childId: z.string(),
  forename: z.string(),
  surname: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDateOfBirth: z.string().nullable(),
  known: z.array(z.string()).describe('What the council is doing with the child now, in words; empty: known, with no open work'),
  service: z.string().nullable().describe('The service of the team the child is allocated to; null when not allocated'),
  inScope: z.boolean().describe('Whether the searcher may open the record; if not, they may ask for access'),
  accessRequest: z.object({ requestId: z.string(), status: AccessRequestStatus, accessEndsAt: z.string().nullable() }).nullable()
    .describe('The searcher\'s latest request to see this record'),
});
export type IdentityMatch = z.infer<typeof IdentityMatch>;

export const AccessRequestOut = z.object({
  requestId: z.string(),
  childId: z.string(),
  childName: z.string(),
  dateOfBirth: z.string().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedByRole: z.string(),
  reason: z.string(),
  routedToTeamId: z.string().nullable(),
  requestedAt: z.string(),
  status: AccessRequestStatus,
  decision: z.object({
    decision: z.enum(['granted', 'refused']), reason: z.string().nullable(), decidedBy: z.string(), decidedAt: z.string(), accessEndsAt: z.string().nullable(),
  }).nullable(),
});
export type AccessRequestOut = z.infer<typeof AccessRequestOut>;

export const AccessRequestLists = z.object({
  mine: z.array(AccessRequestOut).describe('The reader\'s own requests, newest first, with their outcomes'),
  toDecide: z.array(AccessRequestOut).describe('Requests awaiting the reader\'s decision (a manager\'s), oldest first'),
});
export type AccessRequestLists = z.infer<typeof AccessRequestLists>;

/** Days a granted request lasts unless the manager chooses otherwise. */
export const DEFAULT_ACCESS_DAYS = 30;
export const MAX_ACCESS_DAYS = 90;

export const AccessRequestDecisionIn = z.object({
  decision: z.enum(['granted', 'refused'], { message: 'Select whether to grant or refuse access' }),
  reason: z.string().trim().max(1000).optional(),
  days: z.coerce.number({ message: 'Enter the number of days as a number' }).int('Enter a whole number of days')
    .min(1, 'Access must last at least 1 day').max(MAX_ACCESS_DAYS, `Access can last at most ${MAX_ACCESS_DAYS} days`).optional(),
});

export const MergeOut = z.object({
  mergeId: z.string(),
  mergedChildId: z.string(),
  survivingChildId: z.string(),
  reason: z.string(),
  mergedBy: z.string(),
  mergedAt: z.string(),
  copiedEvents: z.number().describe('Events copied from the duplicate to the surviving record'),
  reversed: z.object({ reason: z.string(), reversedBy: z.string(), reversedAt: z.string() }).nullable(),
});
export type MergeOut = z.infer<typeof MergeOut>;

export const ChildMerges = z.object({
  childId: z.string(),
  mergedInto: MergeOut.nullable().describe('The merge that took this record into another, while it stands: the record then only says where it went'),
  mergedFrom: z.array(MergeOut).describe('Duplicates merged into this record, newest first'),
});
export type ChildMerges = z.infer<typeof ChildMerges>;
