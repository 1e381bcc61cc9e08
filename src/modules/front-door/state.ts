/** The front door's part of a child's record: the contacts received about them and what was decided. */
export interface FrontDoorState {
  contacts: ContactState[];
}

export interface ContactState {
  contactId: string;
  receivedAt: string;
  receivedOn: string;
  source: string;
  localSource?: string;
  primaryReason: string;
  otherReasons: string[];
  mashChecks: { agency: string; requestedOn?: string; completedOn?: string; informationHeld?: boolean }[];
  decision?: string;
  decidedAt?: string;
  decidedOn?: string;
  decidedByWorkerId?: string;
}

export const undecidedContactsOf = (state: FrontDoorState) => state.contacts.filter((c) => c.decision === undefined);
