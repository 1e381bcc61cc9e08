/**
 * Management oversight's part of a child's record: each assessment, plan or closure that has been
 * submitted for a manager's authorisation, with every step it went through, and the oversight
 * managers recorded at decision points.
 */
import type { ApprovalSubject } from './events.ts';

/** Where an item stands: awaiting a manager, returned to the worker, or authorised. */
export type AuthorisationStatus = 'awaiting-authorisation' | 'returned' | 'authorised';

/** One step of an item's authorisation, in the order taken. */
export interface AuthorisationStep {
  step: 'submitted' | 'returned' | 'authorised';
  on: string;
  byUserId: string;
  byWorkerId?: string;
  comments?: string;
}

export interface AuthorisationState {
  subject: ApprovalSubject;
  subjectId: string;
  /** The episode the item belongs to. */
  episodeId: string;
  status: AuthorisationStatus;
  /** The latest submission: since when it has waited, and who submitted it. */
  submittedOn: string;
  submittedByUserId: string;
  submittedByWorkerId?: string;
  /** When returned: the day, and what the manager asked to be changed. */
  returnedOn?: string;
  returnComments?: string;
  /** When authorised: the authorisation date the statutory returns use, and the manager. */
  authorisedOn?: string;
  authorisedByUserId?: string;
  authorisedByWorkerId?: string;
  steps: AuthorisationStep[];
}

export interface OversightState {
  oversightId: string;
  recordedOn: string;
  decisionPoint: string;
  rationale: string;
  direction: string;
  recordedByUserId: string;
  managerWorkerId?: string;
}

export interface ManagementOversightState {
  authorisations: AuthorisationState[];
  managementOversight: OversightState[];
}

/** The item's authorisation, if it has ever been submitted. */
export const authorisationOf = (state: ManagementOversightState, subjectId: string): AuthorisationState | undefined =>
  state.authorisations.find((item) => item.subjectId === subjectId);

/**
 * The day a children-and-families assessment was authorised, for the statutory returns (the
 * children in need census's assessment authorisation date); undefined until a manager has.
 */
export const assessmentAuthorisedOn = (state: ManagementOversightState, assessmentId: string): string | undefined => {
  const item = authorisationOf(state, assessmentId);
  return item?.subject === 'assessment' ? item.authorisedOn : undefined;
};
