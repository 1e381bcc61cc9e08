/**
 * Care leavers' part of a child's record: the council's support for a young person who has left
 * care, from the eligibility decision to the end of support (at 21, at 25 or earlier): the personal
 * adviser, the pathway plan and its reviews, contacts, accommodation, staying put, Lifelong Links,
 * and the birthday contacts every field of the SSDA903 OC3 record comes from.
 */
import type { EligibilityCategory } from './codes.ts';

export interface CareLeaversState {
  /** The support, once the council has decided the young person's eligibility; undefined before. */
  leavingCare?: LeavingCareState;
}

export interface LeavingCareState {
  /** The first eligibility decision's day: when the council's leaving care support began. */
  since: string;
  eligibilityDecisions: { decidedOn: string; category: EligibilityCategory; computedCategory?: EligibilityCategory; reason?: string }[];
  personalAdvisers: { workerId: string; teamId: string; allocatedOn: string }[];
  pathwayPlan?: { madeOn: string; participation: string; qualityGrade?: string };
  pathwayPlanReviews: { reviewId: string; reviewedOn: string; participation: string; qualityGrade?: string }[];
  birthdayContacts: BirthdayContactState[];
  adviserContacts: { contactId: string; contactedOn: string; method: string; workerId?: string }[];
  accommodations: { changeId: string; changedOn: string; accommodation: string; suitable: boolean; tenancy?: string; tenancyStartedOn?: string }[];
  stayingPut: { arrangementId: string; startedOn: string; carerName?: string; endedOn?: string }[];
  lifelongLinks: { referralId: string; referredOn: string; outcome?: string }[];
  ended?: { endedOn: string; reason: string };
}

/** One SSDA903 OC3 record: the contact around a birthday. */
export interface BirthdayContactState {
  contactId: string;
  contactedOn: string;
  /** The birthday (17th to 25th) it is around. */
  birthdayAge: number;
  inTouch: string;
  activity?: string;
  accommodation?: string;
  accommodationSuitable?: boolean;
}

/** The support in force now: decided and not ended. */
export const openLeavingCareOf = (state: CareLeaversState): LeavingCareState | undefined =>
  state.leavingCare?.ended === undefined ? state.leavingCare : undefined;

/** The latest eligibility decision. */
export const eligibilityOf = (leavingCare: LeavingCareState) => leavingCare.eligibilityDecisions.at(-1)!;

/** The personal adviser allocated now. */
export const personalAdviserOf = (leavingCare: LeavingCareState) => leavingCare.personalAdvisers.at(-1);

/** The staying put arrangement in force, if any. */
export const currentStayingPutOf = (leavingCare: LeavingCareState) => leavingCare.stayingPut.find((arrangement) => arrangement.endedOn === undefined);
