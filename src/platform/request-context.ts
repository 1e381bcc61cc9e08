/**
 * Who is asking, and what they may see: passed with every request from the edge (HTTP, command
 * line, import) down to the data-access layer, which audits and filters by it.
 */
import { z } from 'zod';
import { FreeText } from './schema-helpers.ts';

/** The person (or process) an event or audit entry is attributed to. */
export const Actor = z.object({
  userId: FreeText(60),
  role: FreeText(60),
  agency: FreeText(60),
});
export type Actor = z.infer<typeof Actor>;

/** How far a role's sight of children's records reaches. */
export const recordScopes = ['own-caseload', 'team', 'service', 'whole-la', 'shared-with-agency', 'figures-only'] as const;
export type RecordScope = (typeof recordScopes)[number];

/** What a role may do beyond seeing the records in its scope. */
export const capabilityNames = ['restrict-records', 'review-audit', 'manage-reference-data', 'see-unsuppressed-figures', 'authorise', 'decide-access-requests', 'merge-records', 'make-returns'] as const;
export type Capability = (typeof capabilityNames)[number];

/** Who is asking, as far as access is concerned. Absent on a context: a trusted internal caller (CLI, import). */
export interface AccessGrant {
  userId: string;
  role: string;
  scope: RecordScope;
  workerId: string | null;
  teamId: string | null;
  agency: string;
  /** May record events (within scope). */
  records: boolean;
  capabilities: readonly Capability[];
  /** For a partner agency: days a child stays shared after the work it was shared for ends. */
  partnerSharingDays: number;
}

export interface RequestContext {
  laCode: string;
  actor: Actor;
  correlationId: string;
  /** What the actor may see and do. Absent for trusted internal callers (the command line, imports). */
  access?: AccessGrant;
}
