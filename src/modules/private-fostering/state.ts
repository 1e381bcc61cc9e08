/**
 * Private fostering's part of a child's record: each notification the council received about the
 * child, what it did about it and, when it was private fostering, the arrangement.
 */
export interface PrivateFosteringState {
  privateFosteringNotifications: PrivateFosteringNotificationState[];
}

export interface PrivateFosteringNotificationState {
  notificationId: string;
  receivedOn: string;
  notifiedBy: string;
  timing: string;
  arrangementBeginsOn?: string;
  contactId?: string;
  /** The day the front door passed it to the children in need service. */
  forwardedOn?: string;
  visits: PrivateFosteringVisitState[];
  /** Found not to be private fostering. */
  closedOn?: string;
  closureReason?: string;
  arrangement?: PrivateFosteringArrangementState;
}

export interface PrivateFosteringVisitState {
  visitId: string;
  visitedOn: string;
  visitKind: 'initial' | 'monitoring';
  childSeen: boolean;
  seenAlone: boolean;
  reportWrittenOn?: string;
  visitedByWorkerId?: string;
}

export interface HouseholdPersonState {
  /** The person id given, or carer-1, member-1… within the arrangement. */
  personId: string;
  name: string;
  dateOfBirth?: string;
}

export interface PrivateFosteringArrangementState {
  arrangementId: string;
  confirmedOn: string;
  startedOn: string;
  /**
   * The day the arrangement counts from for visits: the day it began or, when the council learnt
   * of it later, the day the council was told (regulation 8).
   */
  countsFrom: string;
  expectedEndOn?: string;
  reason: string;
  nationality: string;
  carerRelationship: string;
  carers: HouseholdPersonState[];
  householdMembers: HouseholdPersonState[];
  address: { line1: string; postcode: string };
  parents: { personId?: string; name: string; relationship: string; livesAbroad: boolean }[];
  carerChecks: { personId: string; check: string; outcome: string; completedOn: string; dbsCertificateIssuedOn?: string }[];
  suitabilityAssessments: { assessedOn: string; outcome: string; authorisedByWorkerId: string }[];
  panelDecisions: { decidedOn: string; decision: string; chairWorkerId: string }[];
  reviews: { reviewId: string; reviewedOn: string; outcome: string }[];
  endedOn?: string;
  endReason?: string;
}

/** Open: neither found not to be private fostering nor an arrangement that has ended. */
export const isOpen = (notification: PrivateFosteringNotificationState) =>
  notification.closedOn === undefined && notification.arrangement?.endedOn === undefined;

/** The notification being dealt with now, or the arrangement that followed it (at most one at a time). */
export const openPrivateFosteringOf = (state: PrivateFosteringState): PrivateFosteringNotificationState | undefined =>
  state.privateFosteringNotifications.find(isOpen);

/** The private fostering arrangement in force now, if any. */
export const currentArrangementOf = (state: PrivateFosteringState): PrivateFosteringArrangementState | undefined =>
  openPrivateFosteringOf(state)?.arrangement;

/** A notification whose question, private fostering or not, is still open. */
export const awaitingDecision = (notification: PrivateFosteringNotificationState) =>
  notification.closedOn === undefined && notification.arrangement === undefined;

/** Everyone of the household: the carers, then the other members. */
export const householdOf = (arrangement: PrivateFosteringArrangementState) => [...arrangement.carers, ...arrangement.householdMembers];
