/**
 * What a module says about sharing a child's record with a partner agency (police, health, a
 * school): each reason, for the work it owns, and while that work is open. The record engine
 * (record/partner-sharing.ts) puts every module's reasons together into the partner_sharing
 * projection, which the access policy reads.
 *
 * This file is the contract between the two sides: it imports nothing that reads the registry.
 */

/** One reason the child is shared with one agency: `endedOn` absent while the work is open. */
export interface PartnerSharing {
  agency: string;
  /** Kebab-case and stable (migration 0023 lists the reasons it accepts): 'mash-check', 'child-protection-plan'. */
  reason: string;
  /** The contact, episode, meeting or plan shared for. */
  subjectId: string;
  startedOn: string;
  endedOn?: string;
}

/** An `endedOn` that says nothing while the work is open. */
export const endingOn = (endedOn: string | undefined): { endedOn?: string } => (endedOn ? { endedOn } : {});
