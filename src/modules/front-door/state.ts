/**
 * The front door's part of a child's record: the contacts received about them and what was
 * decided. The shape is written once, as Zod (see read-model.ts).
 */
import { z } from 'zod';

export const ContactState = z.object({
  contactId: z.string(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  source: z.string(),
  localSource: z.string().optional(),
  primaryReason: z.string(),
  otherReasons: z.array(z.string()),
  mashChecks: z.array(z.object({ agency: z.string(), requestedOn: z.string().optional(), completedOn: z.string().optional(), informationHeld: z.boolean().optional() })),
  decision: z.string().optional(),
  decidedAt: z.string().optional(),
  decidedOn: z.string().optional(),
  decidedByWorkerId: z.string().optional(),
});
export type ContactState = z.infer<typeof ContactState>;

export interface FrontDoorState {
  contacts: ContactState[];
}

export const undecidedContactsOf = (state: FrontDoorState) => state.contacts.filter((c) => c.decision === undefined);
