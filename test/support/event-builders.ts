/**
 * Small named builders of interchange lines (one child event per NDJSON line, see
 * src/interchange/format.ts), for import/export tests.
 *
 *   const amara = registered('AMARA1', { at: '2024-01-02', forename: 'Amara' });
 *   const c = contact('AMARA1', '2024-03-28T15:00:00Z');
 *   const lines = [header(), amara, c, contactDecided('AMARA1', '2024-03-29T10:00:00Z', { contactId: c.eventId })];
 *   writeFileSync(file, toNdjson(lines));
 *
 * Every builder takes the child id first and the business date (or date-time) second, and
 * answers a plain object with a fresh eventId, so later lines can refer to it (`.eventId`).
 * `extra` sets the envelope fields a migrating council may give (eventId, recordedAt, …).
 */
import { randomUUID } from 'node:crypto';

export const DEFAULT_LA_CODE = '206';

export interface Actor {
  userId: string;
  role: string;
  agency: string;
}

export interface InterchangeLine {
  eventId: string;
  laCode: string;
  childId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
  recordedAt?: string;
  recordedBy?: Actor;
  clientId?: string;
  supersedes?: string;
  correctionReason?: string;
}

export type Envelope = Partial<Pick<InterchangeLine, 'eventId' | 'laCode' | 'recordedAt' | 'recordedBy' | 'clientId'>>;

export function line(type: string, childId: string, at: string, data: Record<string, unknown> = {}, extra: Envelope = {}): InterchangeLine {
  return { eventId: randomUUID(), laCode: DEFAULT_LA_CODE, childId, type, occurredAt: at, data, ...extra };
}

// ---------------------------------------------------------------------------------------------
// The file

export const header = (version = 1, extra: Record<string, unknown> = {}) => ({ format: 'safeguard-child-events', version, ...extra });

/** One JSON value per line; strings are written as they are (for deliberately broken lines). */
export const toNdjson = (lines: readonly unknown[]): string =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

/** A copy of `value` without the field at a dotted path (e.g. 'data.surname'). */
export function withoutField<T extends object>(value: T, dottedPath: string): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = dottedPath.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[keys.at(-1)!];
  return copy as T;
}

/** A copy of `value` with the field at a dotted path set (e.g. 'data.source', 'ZZ'). */
export function withField<T extends object>(value: T, dottedPath: string, fieldValue: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = dottedPath.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = fieldValue;
  return copy as T;
}

// ---------------------------------------------------------------------------------------------
// People

export interface RegistrationOptions {
  at?: string;
  forename?: string;
  surname?: string;
  dateOfBirth?: string;
  sex?: 'M' | 'F' | 'U';
  ethnicity?: string;
  [detail: string]: unknown;
}

export function registered(childId: string, { at = '2024-01-02', forename = 'Child', surname = childId, dateOfBirth = '2016-05-02', sex = 'F', ethnicity = 'WBRI', ...rest }: RegistrationOptions = {}, extra: Envelope = {}) {
  return line('child.registered', childId, at, { forename, surname, dateOfBirth, sex, ethnicity, disabilities: ['NONE'], ...rest }, extra);
}

export const detailsChanged = (childId: string, at: string, changes: Record<string, unknown>, extra: Envelope = {}) =>
  line('child.details-changed', childId, at, changes, extra);

/** Records `relatedChildId` as this child's sibling, living together. */
export const sibling = (childId: string, at: string, relatedChildId: string, relationship = 'sibling', extra: Envelope = {}) =>
  line('relationship.recorded', childId, at, { relationship, relatedChildId, livesWithChild: true }, extra);

export const joinedHousehold = (childId: string, at: string, householdId: string, extra: Envelope = {}) =>
  line('household.joined', childId, at, { householdId }, extra);

export const allocated = (childId: string, at: string, workerId = 'w-sw-1', teamId = 't-cin-1', extra: Envelope = {}) =>
  line('allocation.started', childId, at, { workerId, teamId }, extra);

/** A team reference line. */
export const team = (teamId: string, service = 'children-in-need', laCode = DEFAULT_LA_CODE) =>
  ({ record: 'team', laCode, teamId, name: `Team ${teamId}`, service });

/** A worker reference line: a social worker in the team, from 2000 unless said otherwise. */
export const worker = (workerId: string, teamId: string, details: { name?: string; role?: string; startedOn?: string; leftOn?: string } = {}, laCode = DEFAULT_LA_CODE) =>
  ({ record: 'worker', laCode, workerId, name: details.name ?? workerId, role: details.role ?? 'social-worker', teamId, agency: 'childrens-social-care', startedOn: details.startedOn ?? '2000-01-01', ...(details.leftOn ? { leftOn: details.leftOn } : {}) });

/**
 * The team and worker lines for every team and worker `lines` allocate children to (a worker in
 * the team of their first allocation): an import refuses an allocation to anyone it does not hold.
 * Put after the events, they leave the events' line numbers as they were.
 */
export function workforceOf(lines: readonly unknown[]): Record<string, unknown>[] {
  const teams = new Map<string, ReturnType<typeof team>>();
  const workers = new Map<string, ReturnType<typeof worker>>();
  for (const entry of lines) {
    const event = entry as Partial<InterchangeLine>;
    if (typeof entry !== 'object' || entry === null || event.type !== 'allocation.started') continue;
    const laCode = event.laCode ?? DEFAULT_LA_CODE;
    const { workerId, teamId } = event.data as { workerId: string; teamId: string };
    if (!teams.has(`${laCode} ${teamId}`)) teams.set(`${laCode} ${teamId}`, team(teamId, 'children-in-need', laCode));
    if (!workers.has(`${laCode} ${workerId}`)) workers.set(`${laCode} ${workerId}`, worker(workerId, teamId, {}, laCode));
  }
  return [...teams.values(), ...workers.values()];
}

/** `lines` followed by the team and worker lines of their allocations (see workforceOf). */
export const withWorkforce = (lines: readonly unknown[]): unknown[] => [...lines, ...workforceOf(lines)];

// ---------------------------------------------------------------------------------------------
// Front door

export const contact = (childId: string, at: string, data: Record<string, unknown> = {}, extra: Envelope = {}) =>
  line('contact.received', childId, at, { source: '6', localSource: 'police', primaryReason: 'domestic-abuse', ...data }, extra);

export const mashCheckRequested = (childId: string, at: string, agency = 'police', extra: Envelope = {}) =>
  line('mash-check.requested', childId, at, { agency }, extra);

export const mashCheckCompleted = (childId: string, at: string, agency = 'police', informationHeld = true, extra: Envelope = {}) =>
  line('mash-check.completed', childId, at, { agency, informationHeld }, extra);

export const contactDecided = (childId: string, at: string, data: { contactId?: string; decision?: string; decidedByWorkerId?: string } = {}, extra: Envelope = {}) =>
  line('contact.decided', childId, at, { decision: 'referral-to-social-care', decidedByWorkerId: 'w-mash-1', ...data }, extra);

// ---------------------------------------------------------------------------------------------
// Children in need

export const referral = (childId: string, at: string, data: { source?: string; contactId?: string } = {}, extra: Envelope = {}) =>
  line('referral.received', childId, at, { source: '6', ...data }, extra);

export const assessmentStarted = (childId: string, at: string, extra: Envelope = {}) =>
  line('assessment.started', childId, at, { assessmentType: 'child-and-family' }, extra);

export const assessmentCompleted = (
  childId: string,
  at: string,
  data: { assessmentId?: string; outcome?: string; factors?: string[]; primaryNeed?: string; authorisedByWorkerId?: string } = {},
  extra: Envelope = {},
) => line('assessment.completed', childId, at, { factors: ['3B'], outcome: 'child-in-need-plan', authorisedByWorkerId: 'w-tm-1', primaryNeed: 'N1', ...data }, extra);

export const cinPlanStarted = (childId: string, at: string, extra: Envelope = {}) => line('cin-plan.started', childId, at, {}, extra);

export const visit = (childId: string, at: string, data: { kind?: string; childSeen?: boolean; seenAlone?: boolean } = {}, extra: Envelope = {}) =>
  line('visit.made', childId, at, { kind: 'child-in-need', childSeen: true, seenAlone: false, ...data }, extra);

export const episodeClosed = (childId: string, at: string, reasonForClosure = 'RC8', primaryNeed = 'N1', extra: Envelope = {}) =>
  line('episode.closed', childId, at, { reasonForClosure, primaryNeed }, extra);

// ---------------------------------------------------------------------------------------------
// Child protection

const agencies = ['childrens-social-care', 'police', 'health'];

export const strategyDiscussion = (childId: string, at: string, decision: 'section-47' | 'no-section-47' = 'section-47', extra: Envelope = {}) =>
  line('strategy-discussion.held', childId, at, { attendingAgencies: agencies, decision }, extra);

export const section47Completed = (childId: string, at: string, outcome = 'initial-child-protection-conference', extra: Envelope = {}) =>
  line('section-47.completed', childId, at, { outcome, concernsSubstantiated: true }, extra);

export const initialConference = (childId: string, at: string, data: { planRequired?: boolean; categoryOfAbuse?: string; section47Id?: string } = {}, extra: Envelope = {}) =>
  line('conference.initial-held', childId, at, { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'w-chair-1', attendingAgencies: agencies, ...data }, extra);

export const coreGroup = (childId: string, at: string, extra: Envelope = {}) =>
  line('core-group.held', childId, at, { attendingAgencies: agencies }, extra);

export const reviewConference = (childId: string, at: string, data: { planContinues?: boolean; categoryOfAbuse?: string } = {}, extra: Envelope = {}) =>
  line('conference.review-held', childId, at, { planContinues: true, chairWorkerId: 'w-chair-1', attendingAgencies: agencies, ...data }, extra);

// ---------------------------------------------------------------------------------------------
// Corrections

/** Voids `target`: it stays in the log and no longer counts. */
export const voided = (target: InterchangeLine, at: string, reason = 'Recorded in error', extra: Envelope = {}) =>
  line('event.voided', target.childId, at, { voidedEventId: target.eventId, reason }, extra);

/** A new version of `original` (same type and child) that supersedes it. */
export function corrected(original: InterchangeLine, changes: { occurredAt?: string; data?: Record<string, unknown> }, reason = 'Corrected after checking the file', extra: Envelope = {}): InterchangeLine {
  return {
    ...line(original.type, original.childId, changes.occurredAt ?? original.occurredAt, { ...original.data, ...changes.data }, extra),
    supersedes: original.eventId,
    correctionReason: reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A typical journey of ten events for one child: registration, a contact decided the next day,
 * a referral, allocation, an assessment with a visit, a child in need plan, and the episode
 * closing after the assessment. `start` is the registration date.
 */
export function typicalJourney(childId: string, start: string): InterchangeLine[] {
  const received = contact(childId, `${addDays(start, 1)}T10:00:00Z`);
  const started = assessmentStarted(childId, addDays(start, 3));
  return [
    registered(childId, { at: start, dateOfBirth: '2015-06-01' }),
    received,
    contactDecided(childId, `${addDays(start, 2)}T10:00:00Z`, { contactId: received.eventId }),
    referral(childId, addDays(start, 2), { contactId: received.eventId }),
    allocated(childId, `${addDays(start, 3)}T09:00:00Z`, `w-${childId.length % 7}`, 't-cin-1'),
    started,
    visit(childId, addDays(start, 5), { kind: 'assessment', seenAlone: true }),
    joinedHousehold(childId, addDays(start, 5), `h-${childId}`),
    assessmentCompleted(childId, addDays(start, 20), { assessmentId: started.eventId, outcome: 'no-further-action', factors: ['21'] }),
    episodeClosed(childId, addDays(start, 21), 'RC8', 'N1'),
  ];
}

/** `children` typical journeys (ten events each), starting on dates spread over 2023. */
export function manyJourneys(children: number, prefix = 'BULK'): InterchangeLine[] {
  const lines: InterchangeLine[] = [];
  for (let index = 0; index < children; index += 1) {
    lines.push(...typicalJourney(`${prefix}${index}`, addDays('2023-01-02', index % 300)));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// A small caseload

/**
 * Three children in early 2024: two siblings in one household (Amara on a child protection plan,
 * her registration corrected and a mistaken visit voided; Ben on a child in need plan) and an
 * unrelated child (Cara) whose episode closed after assessment.
 */
export function smallCaseload() {
  const amaraRegistered = registered('AMARA1', { at: '2024-01-02', forename: 'Amara', surname: 'Okafr', dateOfBirth: '2016-05-02', ethnicity: 'BAFR' });
  const amaraContact = contact('AMARA1', '2024-01-08T15:00:00Z');
  const amaraMistakenVisit = visit('AMARA1', '2024-02-14', { kind: 'child-protection' });
  const amaraConference = initialConference('AMARA1', '2024-02-05', { categoryOfAbuse: 'NEG' });
  const benContact = contact('BEN1', '2024-01-08T15:05:00Z', { source: '2A', localSource: 'school', primaryReason: 'neglect' });
  const benAssessment = assessmentStarted('BEN1', '2024-01-10');
  const caraAssessment = assessmentStarted('CARA1', '2024-02-02');
  const amara = [
    amaraRegistered,
    corrected(amaraRegistered, { data: { surname: 'Okafor' } }, 'Surname misspelt on the first record'),
    sibling('AMARA1', '2024-01-02', 'BEN1'),
    joinedHousehold('AMARA1', '2024-01-02', 'HH-OKAFOR'),
    amaraContact,
    contactDecided('AMARA1', '2024-01-09T10:00:00Z', { contactId: amaraContact.eventId }),
    referral('AMARA1', '2024-01-09', { contactId: amaraContact.eventId }),
    allocated('AMARA1', '2024-01-10T09:00:00Z', 'w-sw-1', 't-cp-1'),
    assessmentStarted('AMARA1', '2024-01-10'),
    strategyDiscussion('AMARA1', '2024-01-15'),
    section47Completed('AMARA1', '2024-01-26'),
    amaraConference,
    visit('AMARA1', '2024-02-12', { kind: 'child-protection', seenAlone: true }),
    coreGroup('AMARA1', '2024-02-14'),
    amaraMistakenVisit,
    voided(amaraMistakenVisit, '2024-02-15', 'Recorded on the wrong child'),
  ];
  const ben = [
    registered('BEN1', { at: '2024-01-02', forename: 'Ben', surname: 'Okafor', dateOfBirth: '2019-09-09', sex: 'M', ethnicity: 'BAFR' }),
    sibling('BEN1', '2024-01-02', 'AMARA1'),
    joinedHousehold('BEN1', '2024-01-02', 'HH-OKAFOR'),
    benContact,
    contactDecided('BEN1', '2024-01-09T10:05:00Z', { contactId: benContact.eventId }),
    referral('BEN1', '2024-01-09', { source: '2A', contactId: benContact.eventId }),
    allocated('BEN1', '2024-01-10T09:30:00Z', 'w-sw-2', 't-cin-1'),
    benAssessment,
    assessmentCompleted('BEN1', '2024-02-20', { assessmentId: benAssessment.eventId, outcome: 'child-in-need-plan', factors: ['3B', '4B'] }),
    cinPlanStarted('BEN1', '2024-02-22'),
    visit('BEN1', '2024-03-01'),
  ];
  const cara = [
    registered('CARA1', { at: '2024-02-01', forename: 'Cara', surname: 'Nowak', dateOfBirth: '2012-11-30', ethnicity: 'WOTH' }),
    referral('CARA1', '2024-02-01', { source: '2A' }),
    caraAssessment,
    assessmentCompleted('CARA1', '2024-02-28', { assessmentId: caraAssessment.eventId, outcome: 'no-further-action', factors: ['21'], primaryNeed: 'N0' }),
    episodeClosed('CARA1', '2024-02-29', 'RC8', 'N0'),
  ];
  // Each child's events together, in date order within the child, as a migration extract gives them.
  return {
    lines: [...amara, ...ben, ...cara],
    childIds: ['AMARA1', 'BEN1', 'CARA1'],
    amaraConference,
    amaraMistakenVisit,
  };
}
