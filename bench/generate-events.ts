/**
 * Bench fixture: a deterministic interchange file of N valid child events.
 *
 *   npx tsx bench/generate-events.ts --events 1000000 --seed 1 --la 206 --out /tmp/events.ndjson
 *
 * This is a compact generator for measuring import and query speed, NOT the borough simulator
 * (that is a later, separate piece of work): the journeys are plausible and pass the importer's
 * transition and date rules, but the rates and distributions below are round guesses, not
 * calibrated to any council's figures.
 *
 * Each child arrives with a contact at the front door (MASH checks, a decision within about a
 * working day). A share of contacts become referrals: allocation, a child and family assessment,
 * and then either closure, a child in need plan, or a strategy discussion → section 47 enquiry →
 * initial conference → child protection plan (visits, core groups, reviews) → plan end → step-down
 * or closure. Some children come back with later contacts; a few visits are voided or corrected.
 *
 * Deterministic: the same --events, --seed and --la give the same bytes (no Math.random, no
 * clock). Every child has its own PRNG (sfc32 seeded from the run seed and the child's
 * number), so the file is the same whatever order children are interleaved in. Events are written
 * in time order across children, as an export in log order would be; the file is streamed and
 * memory is proportional to the children with a case open at once, not to N. The run stops after
 * exactly N events: children still open then simply have the rest of their journeys in the future.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assessmentFactorCodes,
  contactReasonCodes,
  ethnicityCodes,
  localContactSources,
  referralSourceCodes,
} from '../src/codes/statutory-codes.ts';
import { interchangeFormatName, interchangeFormatVersion } from '../src/interchange/format.ts';
import { createCalendar } from '../src/platform/calendar/calendar.ts';

/** Bump when the output changes, so cached files (bench/import.ts) are not reused. */
export const GENERATOR_VERSION = 2;

export interface GenerateOptions {
  events: number;
  seed: number;
  laCode: string;
  out: string;
  /** First day of the log (YYYY-MM-DD). */
  startDate?: string;
  /** The day the N-th event should fall near (YYYY-MM-DD): sets how many children arrive per day. */
  endDate?: string;
}

export interface GenerateResult {
  events: number;
  children: number;
  bytes: number;
  firstDate: string;
  lastDate: string;
  byType: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state). Not mulberry32:
 * its 32-bit state is a single counter, so with ~80,000 children each drawing ~1,000 numbers, two
 * children's streams overlap (and repeat each other's event ids) more often than not; a 1M-event
 * file made that way had duplicate eventIds.
 */
function sfc32(seed: number, stream: number): () => number {
  // Each (seed, stream) pair starts from its own state: no two children share a stream.
  let a = mixSeed(seed, stream);
  let b = stream >>> 0;
  let c = seed >>> 0;
  let d = 0x9e3779b9;
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 16; i += 1) next();
  return () => next() / 4294967296;
}

/** Mixes two integers into a well-spread 32-bit seed (splitmix-style finaliser). */
function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul(b >>> 0, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

class Rng {
  private readonly next: () => number;
  constructor(seed: number, stream: number) {
    this.next = sfc32(seed, stream);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  /** A version 4 UUID formatted from the PRNG (RFC 9562 version and variant bits set). */
  uuid(): string {
    const b: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const x = Math.floor(this.next() * 4294967296) >>> 0;
      b.push(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
    }
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.map((x) => HEX[x]!);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Days and times. A day is a whole number of days since 1970-01-01; a time is minutes since then
// (UTC). Business times fall between 08:30 and 17:30 UTC, the same London date in GMT and BST.

const MINUTES_PER_DAY = 1440;
const WORKDAY_START = 8 * 60 + 30;
const WORKDAY_MINUTES = 9 * 60;
const calendar = createCalendar();

const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const workingCache = new Map<number, boolean>();
function isWorking(day: number): boolean {
  let w = workingCache.get(day);
  if (w === undefined) {
    w = calendar.isWorkingDay(iso(day));
    workingCache.set(day, w);
  }
  return w;
}
function addWorkingDays(day: number, n: number): number {
  let d = day;
  for (let counted = 0; counted < n; ) {
    d += 1;
    if (isWorking(d)) counted += 1;
  }
  return d;
}
const onOrNextWorking = (day: number) => (isWorking(day) ? day : addWorkingDays(day, 1));
const addMonths = (day: number, n: number) => dayOf(calendar.addMonths(iso(day), n));
const dayOfTime = (t: number) => Math.floor(t / MINUTES_PER_DAY);
/** A business time on `day`, not before `after` (minutes) when that falls on the same day. */
function timeOn(rng: Rng, day: number, after = 0): number {
  const earliest = Math.max(day * MINUTES_PER_DAY + WORKDAY_START, after + 1);
  const latest = day * MINUTES_PER_DAY + WORKDAY_START + WORKDAY_MINUTES - 1;
  return earliest >= latest ? earliest : rng.int(earliest, latest);
}
const isoDateTime = (t: number) => new Date(t * 60_000).toISOString().replace('.000Z', 'Z');

// ---------------------------------------------------------------------------------------------
// Reference data

const forenames = ['Amara', 'Oliver', 'Noah', 'Leo', 'Isla', 'Ava', 'Mia', 'Muhammad', 'Zara', 'Ivy', 'Theo', 'Freya', 'Arlo', 'Aisha', 'Jack', 'Lily', 'Yusuf', 'Grace', 'Kai', 'Ruby', 'Eli', 'Maya', 'Ibrahim', 'Sofia', 'Finley', 'Nia', 'Oscar', 'Hana', 'Reggie', 'Esme'];
const surnames = ['Okafor', 'Smith', 'Jones', 'Khan', 'Williams', 'Brown', 'Taylor', 'Ahmed', 'Wilson', 'Evans', 'Murphy', 'Kowalski', 'Osei', 'Begum', 'Hussain', 'Walker', 'Adeyemi', 'Nowak', 'Patel', "O'Brien", 'Clarke', 'Mensah', 'Yilmaz', 'Ali', 'Hughes'];
const streets = ['Holloway Road', 'Caledonian Road', 'Essex Road', 'Upper Street', 'Seven Sisters Road', 'Blackstock Road', 'Hornsey Road', 'Liverpool Road', 'Goswell Road', 'Junction Road'];
const outwardCodes = ['N1', 'N4', 'N5', 'N7', 'N19', 'EC1V', 'EC1R', 'N1C'];
const postcodeLetters = 'ABDEFGHJLNPQRSTUWXYZ';
const languages = ['English', 'English', 'English', 'Turkish', 'Bengali', 'Somali', 'Polish', 'Arabic', 'Portuguese', 'Spanish'];
const ethnicities = Object.keys(ethnicityCodes).filter((code) => code !== 'REFU' && code !== 'NOBT');
const disabilityOptions = ['MOB', 'HAND', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'AUT'];
const contactReasons = Object.keys(contactReasonCodes).filter((code) => code !== 'unborn-baby-concerns');
const localSources = Object.entries(localContactSources) as [string, { referralSource: string }][];
const dfeSources = Object.keys(referralSourceCodes);
const mashAgencies = ['police', 'health', 'education', 'housing', 'probation', 'early-help', 'mental-health', 'adult-social-care'];
const factors = Object.keys(assessmentFactorCodes).filter((code) => code !== '21');
const partnerSets = [
  ['childrens-social-care', 'police', 'health'],
  ['childrens-social-care', 'police', 'health', 'education'],
  ['childrens-social-care', 'police'],
  ['childrens-social-care', 'health', 'education', 'housing'],
];
const summaryPhrases = [
  'Police attended a domestic incident at the home overnight; children present.',
  'School reports the child arrived hungry and in unwashed clothes on several days this term.',
  'Health visitor concerned about home conditions and missed appointments.',
  'Neighbour reports shouting and a child crying late at night.',
  'Mother disclosed low mood and difficulty coping with the children.',
  'GP notes repeated attendance with minor injuries; explanations inconsistent.',
  'Child disclosed to a teacher that an adult at home hit them with a belt.',
  'Young person missing overnight, found by police in another borough.',
];
const MASH_WORKERS = Array.from({ length: 12 }, (_, i) => `w-mash-${i + 1}`);
const MASH_MANAGERS = Array.from({ length: 4 }, (_, i) => `w-mash-tm-${i + 1}`);
const ASSESSMENT_TEAMS = ['t-assess-1', 't-assess-2', 't-assess-3', 't-assess-4'];
const CP_TEAMS = ['t-cp-1', 't-cp-2', 't-cp-3'];
const CIN_TEAMS = ['t-cin-1', 't-cin-2'];
const CHAIRS = Array.from({ length: 5 }, (_, i) => `w-chair-${i + 1}`);
const workerOf = (rng: Rng, team: string) => `w-${team.slice(2)}-${rng.int(1, 9)}`;
const managerOf = (team: string) => `w-${team.slice(2)}-tm`;

/** The teams and workers the journeys allocate children to: an import refuses allocations to anyone else. */
function workforceLines(laCode: string): Record<string, unknown>[] {
  const services: [readonly string[], string][] = [[ASSESSMENT_TEAMS, 'assessment'], [CP_TEAMS, 'child-protection'], [CIN_TEAMS, 'children-in-need']];
  return services.flatMap(([teams, service]) => teams.flatMap((teamId) => [
    { record: 'team', laCode, teamId, name: teamId, service },
    ...[...Array.from({ length: 9 }, (_, i) => `w-${teamId.slice(2)}-${i + 1}`), managerOf(teamId)].map((workerId) => ({
      record: 'worker', laCode, workerId, name: workerId, role: workerId.endsWith('-tm') ? 'team-manager' : 'social-worker', teamId, startedOn: '2000-01-01',
    })),
  ]));
}

function nhsNumber(rng: Rng): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => rng.int(0, 9));
    const sum = digits.reduce((total, digit, index) => total + digit * (10 - index), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return digits.join('') + String(check);
  }
}

function postcode(rng: Rng): string {
  return `${rng.pick(outwardCodes)} ${rng.int(1, 9)}${postcodeLetters[rng.int(0, 19)]}${postcodeLetters[rng.int(0, 19)]}`;
}

// ---------------------------------------------------------------------------------------------
// Journeys

interface Actor {
  userId: string;
  role: string;
  agency: string;
}

/** One event of a child's journey, before it is written. */
interface Draft {
  /** Minutes since 1970 (UTC): orders events; for date-only events only the day is written. */
  t: number;
  withTime: boolean;
  type: string;
  data: Record<string, unknown>;
  eventId: string;
  by: Actor;
  /** Minutes between the event and its recording. */
  recordedAfter: number;
  supersedes?: string;
  correctionReason?: string;
}

const actors = new Map<string, Actor>();
/** Actors are shared objects: a case holds hundreds of events by the same few people. */
function actor(userId: string, role: string): Actor {
  const key = `${userId}|${role}`;
  let found = actors.get(key);
  if (!found) actors.set(key, (found = { userId, role, agency: 'childrens-social-care' }));
  return found;
}

/** Yields the drafts and lets go of each once yielded (a plan's events are held for its whole life). */
function* drain(events: (Draft | undefined)[]): Generator<Draft> {
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i]!;
    events[i] = undefined;
    yield event;
  }
}

class Episode {
  readonly events: Draft[] = [];
  constructor(private readonly rng: Rng) {}
  add(t: number, withTime: boolean, type: string, data: Record<string, unknown>, by: Actor): Draft {
    const draft: Draft = { t, withTime, type, data, eventId: this.rng.uuid(), by, recordedAfter: this.rng.int(2, 240) };
    this.events.push(draft);
    return draft;
  }
  /** Takes the events in time order (stable, so same-time events keep the order they were added in). */
  take(): Draft[] {
    const sorted = this.events.map((e, i) => [e, i] as const).sort((a, b) => a[0].t - b[0].t || a[1] - b[1]).map(([e]) => e);
    this.events.length = 0;
    return sorted;
  }
}

/**
 * One child's journey, one cycle (contact, and the episode it may lead to) at a time, so only the
 * current cycle is held in memory. Yields events in time order.
 */
function* childJourney(rng: Rng, childId: string, arrival: number): Generator<Draft> {
  let day = dayOfTime(arrival);
  const unborn = rng.chance(0.03);
  const dateOfBirth = day - rng.int(30, 17 * 365);
  const expectedBirth = day + rng.int(20, 150);
  const sex = unborn ? 'U' : rng.chance(0.5) ? 'M' : 'F';
  const address = { line1: `${rng.int(1, 240)} ${rng.pick(streets)}`, postcode: postcode(rng) };
  const registration = new Episode(rng);
  const details: Record<string, unknown> = {
    forename: unborn ? 'Baby' : rng.pick(forenames),
    surname: rng.pick(surnames),
    ...(unborn ? { expectedDateOfBirth: iso(expectedBirth) } : { dateOfBirth: iso(dateOfBirth) }),
    sex,
    ethnicity: rng.pick(ethnicities),
    disabilities: rng.chance(0.85) ? ['NONE'] : [rng.pick(disabilityOptions)],
    ...(unborn || dateOfBirth > day - 4 * 365 ? { upnUnknown: 'UN1' } : rng.chance(0.7) ? { upn: `${postcodeLetters[rng.int(0, 19)]}${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}${rng.int(0, 9)}` } : { upnUnknown: 'UN4' }),
    ...(unborn || rng.chance(0.2) ? {} : { nhsNumber: nhsNumber(rng) }),
    ...(rng.chance(0.6) ? { firstLanguage: rng.pick(languages) } : {}),
    address,
  };
  const mashWorker = rng.pick(MASH_WORKERS);
  let t = registration.add(timeOn(rng, day), false, 'child.registered', details, actor(mashWorker, 'mash-practitioner')).t;
  yield* drain(registration.take());

  let born = !unborn;
  let previousEpisodeClosed: number | undefined;
  let contactsSoFar = 0;
  while (contactsSoFar < 8) {
    contactsSoFar += 1;
    const cycle = new Episode(rng);
    if (!born && day >= expectedBirth) {
      // The baby is born: the record gets a date of birth.
      const birth = expectedBirth + rng.int(-10, 10);
      cycle.add(timeOn(rng, Math.max(day, birth + 1), t), false, 'child.details-changed', { dateOfBirth: iso(birth), forename: rng.pick(forenames), sex: rng.chance(0.5) ? 'M' : 'F' }, actor(mashWorker, 'social-worker'));
      born = true;
    }
    t = Math.max(t, ...cycle.events.map((e) => e.t));
    day = dayOfTime(t);
    const contact = runContact(rng, cycle, t, unborn && !born);
    if (contact.decision === 'referral-to-social-care') {
      previousEpisodeClosed = runEpisode(rng, cycle, contact.decidedAt, contact.contactId, contact.source, previousEpisodeClosed);
    }
    const events = cycle.take();
    t = events.at(-1)!.t;
    yield* drain(events);
    // Most children are seen once; some come back, sooner after a closed case than after an NFA.
    if (!rng.chance(contactsSoFar === 1 ? 0.38 : 0.3)) return;
    day = dayOfTime(t) + Math.round(20 + rng.exp(200));
    t = day * MINUTES_PER_DAY;
  }
}

/** contact.received, MASH checks, contact.decided. */
function runContact(rng: Rng, cycle: Episode, after: number, unbornConcern: boolean): { contactId: string; decision: string; decidedAt: number; source: string } {
  const receivedDay = dayOfTime(after);
  const received = timeOn(rng, receivedDay, after);
  const useLocal = rng.chance(0.75);
  const [localSource, local] = rng.pick(localSources);
  const source = useLocal ? local.referralSource : rng.pick(dfeSources);
  const data: Record<string, unknown> = {
    source,
    ...(useLocal ? { localSource } : {}),
    primaryReason: unbornConcern ? 'unborn-baby-concerns' : rng.pick(contactReasons),
    otherReasons: rng.chance(0.4) ? [rng.pick(contactReasons)] : [],
    ...(rng.chance(0.5) ? { referrerName: `${rng.pick(forenames)} ${rng.pick(surnames)}` } : {}),
    ...(rng.chance(0.6) ? { summary: rng.pick(summaryPhrases) + (rng.chance(0.5) ? ` ${rng.pick(summaryPhrases)}` : '') } : {}),
  };
  const worker = rng.pick(MASH_WORKERS);
  const contact = cycle.add(received, true, 'contact.received', data, actor(worker, 'mash-practitioner'));
  // The decision: within 1 working day mostly, sometimes late.
  const decisionDay = rng.chance(0.86) ? addWorkingDays(receivedDay, rng.int(0, 1)) : addWorkingDays(receivedDay, rng.int(2, 4));
  const decided = decisionDay === receivedDay ? timeOn(rng, decisionDay, received + 60) : timeOn(rng, decisionDay);
  if (rng.chance(0.6)) {
    const agencies = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(mashAgencies)))];
    for (const agency of agencies) {
      const requested = Math.min(received + rng.int(5, 120), decided - 2);
      cycle.add(Math.max(requested, received), false, 'mash-check.requested', { contactId: contact.eventId, agency }, actor(worker, 'mash-practitioner'));
      if (rng.chance(0.92)) {
        const completed = Math.max(requested, Math.min(decided - 1, requested + rng.int(30, 1500)));
        cycle.add(completed, false, 'mash-check.completed', {
          contactId: contact.eventId, agency, informationHeld: rng.chance(0.55),
          ...(rng.chance(0.3) ? { summary: 'Known to the service; information shared with MASH.' } : {}),
        }, actor(worker, 'mash-practitioner'));
      }
    }
  }
  const decision = rng.weighted([
    ['referral-to-social-care', 38],
    ['no-further-action', 22],
    ['information-and-advice', 20],
    ['early-help', 20],
  ] as const);
  const decidedAt = Math.max(decided, received + 1);
  cycle.add(decidedAt, true, 'contact.decided', {
    contactId: contact.eventId, decision, decidedByWorkerId: rng.pick(MASH_MANAGERS),
    ...(rng.chance(0.4) ? { rationale: 'Threshold for statutory intervention considered against the continuum of need.' } : {}),
  }, actor(rng.pick(MASH_MANAGERS), 'team-manager'));
  return { contactId: contact.eventId, decision, decidedAt, source };
}

/** Visits every `every()` calendar days (moved to a working day) from `from` until before `until`. */
function visits(rng: Rng, cycle: Episode, from: number, until: number, kind: string, every: () => number, worker: () => string) {
  let day = from;
  for (;;) {
    day = onOrNextWorking(day + every());
    if (day >= until) return;
    const seen = rng.chance(0.93);
    const visit = cycle.add(timeOn(rng, day), false, 'visit.made', { kind, childSeen: seen, seenAlone: seen && rng.chance(0.6), visitedByWorkerId: worker() }, actor(worker(), 'social-worker'));
    const mistake = rng.float();
    if (mistake < 0.005) {
      cycle.add(visit.t + rng.int(60, 3000), false, 'event.voided', { voidedEventId: visit.eventId, reason: 'Recorded on the wrong child' }, actor(worker(), 'social-worker'));
    } else if (mistake < 0.01) {
      const correction = cycle.add(visit.t, false, 'visit.made', { ...visit.data, childSeen: true, seenAlone: true }, actor(worker(), 'social-worker'));
      correction.supersedes = visit.eventId;
      correction.correctionReason = 'Child was seen alone: corrected after supervision';
    }
  }
}

/**
 * A children-in-need episode from a referral on the decision day. Returns the day it closed.
 * Events are added out of order (tracks run in parallel) and sorted by the caller.
 */
function runEpisode(rng: Rng, cycle: Episode, decidedAt: number, contactId: string, source: string, previousClosed: number | undefined): number {
  const referralDay = Math.max(dayOfTime(decidedAt), previousClosed ?? 0);
  const team = rng.pick(ASSESSMENT_TEAMS);
  let worker = workerOf(rng, team);
  const sw = () => actor(worker, 'social-worker');
  const tm = managerOf(team);
  const referral = cycle.add(Math.max(decidedAt + 1, timeOn(rng, referralDay)), false, 'referral.received', { source, contactId }, actor(tm, 'team-manager'));
  const close = (day: number, reasonForClosure: string, primaryNeed: string, after: number) => {
    const at = Math.max(after + 1, timeOn(rng, day));
    cycle.add(at, false, 'episode.closed', { reasonForClosure, primaryNeed }, actor(tm, 'team-manager'));
    if (allocated) cycle.add(at + 1, true, 'allocation.ended', { reason: 'Case closed' }, actor(tm, 'team-manager'));
    return dayOfTime(at);
  };
  let allocated = false;

  // A few referrals close before any assessment (CIN census ReferralNFA).
  if (rng.chance(0.04)) return close(referralDay + rng.int(1, 5), 'RC8', 'N9', referral.t);

  const allocationDay = rng.chance(0.85) ? referralDay + rng.int(0, 1) : referralDay + rng.int(2, 6);
  const allocation = cycle.add(Math.max(referral.t + 1, timeOn(rng, allocationDay)), true, 'allocation.started', { workerId: worker, teamId: team }, actor(tm, 'team-manager'));
  allocated = true;
  const assessmentStart = Math.max(allocation.t + 1, timeOn(rng, allocationDay + rng.int(0, 2)));
  cycle.add(assessmentStart, false, 'assessment.started', { assessmentType: 'child-and-family' }, sw());
  const startDay = dayOfTime(assessmentStart);
  // The child is seen within 10 working days of allocation (mostly).
  const firstVisitDay = addWorkingDays(dayOfTime(allocation.t), rng.chance(0.85) ? rng.int(1, 10) : rng.int(11, 16));
  const firstVisit = cycle.add(timeOn(rng, firstVisitDay), false, 'visit.made', { kind: 'assessment', childSeen: true, seenAlone: rng.chance(0.6), visitedByWorkerId: worker }, sw());
  // Authorised within 45 working days of the referral (mostly).
  const completedDay = Math.max(firstVisitDay, addWorkingDays(referralDay, rng.chance(0.82) ? rng.int(12, 45) : rng.int(46, 75)));

  const outcome = rng.weighted([
    ['no-further-action', 27],
    ['early-help', 14],
    ['child-in-need-plan', 25],
    ['strategy-discussion', 26],
    ['other', 5],
    ['looked-after', 3],
  ] as const);
  const primaryNeed = outcome === 'no-further-action' ? rng.pick(['N9', 'N4', 'N5']) : rng.weighted([['N1', 55], ['N2', 6], ['N3', 6], ['N4', 12], ['N5', 13], ['N6', 3], ['N7', 2], ['N8', 3]] as const);
  const factorCodes = outcome === 'no-further-action' && rng.chance(0.4) ? ['21'] : [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.pick(factors)))];
  const completed = cycle.add(Math.max(firstVisit.t + 1, timeOn(rng, completedDay)), false, 'assessment.completed', {
    factors: factorCodes, outcome, authorisedByWorkerId: tm, ...(outcome === 'no-further-action' ? {} : { primaryNeed }),
  }, actor(tm, 'team-manager'));

  if (outcome === 'no-further-action' || outcome === 'other' || outcome === 'looked-after') {
    return close(completedDay + rng.int(0, 3), outcome === 'no-further-action' ? 'RC8' : 'RC7', primaryNeed, completed.t);
  }
  if (outcome === 'early-help') return close(completedDay + rng.int(0, 3), 'RC9', primaryNeed, completed.t);

  let lastDay = completedDay;
  let lastT = completed.t;
  let stepDownToCin = outcome === 'child-in-need-plan';

  if (outcome === 'strategy-discussion') {
    // Half are held while the assessment is under way, half after it is authorised.
    const strategyDay = rng.chance(0.5) && completedDay > startDay + 3
      ? addWorkingDays(startDay, rng.int(1, Math.max(1, Math.min(15, completedDay - startDay - 2))))
      : addWorkingDays(completedDay, rng.int(0, 3));
    const strategyT = Math.max(timeOn(rng, strategyDay), dayOfTime(assessmentStart) === strategyDay ? assessmentStart + 1 : 0);
    const section47 = rng.chance(0.85);
    const strategy = cycle.add(strategyT, false, 'strategy-discussion.held', { attendingAgencies: rng.pick(partnerSets), decision: section47 ? 'section-47' : 'no-section-47' }, sw());
    lastDay = Math.max(lastDay, strategyDay);
    lastT = Math.max(lastT, strategyT);
    if (!section47) {
      stepDownToCin = rng.chance(0.5);
    } else {
      const s47Day = addWorkingDays(strategyDay, rng.int(5, 14));
      const s47Outcome = rng.weighted([
        ['initial-child-protection-conference', 45],
        ['no-further-action', 22],
        ['child-in-need-plan', 28],
        ['early-help', 5],
      ] as const);
      const s47 = cycle.add(timeOn(rng, s47Day), false, 'section-47.completed', {
        section47Id: strategy.eventId, outcome: s47Outcome, concernsSubstantiated: s47Outcome === 'initial-child-protection-conference' || rng.chance(0.3),
      }, sw());
      lastDay = Math.max(lastDay, s47Day);
      lastT = Math.max(lastT, s47.t);
      stepDownToCin = s47Outcome === 'child-in-need-plan';
      if (s47Outcome === 'initial-child-protection-conference') {
        const icpcDay = Math.max(s47Day, addWorkingDays(strategyDay, rng.chance(0.78) ? rng.int(10, 15) : rng.int(16, 26)));
        const planRequired = rng.chance(0.86);
        let category = rng.weighted([['NEG', 47], ['EMO', 36], ['PHY', 7], ['SAB', 4], ['MUL', 6]] as const);
        const icpc = cycle.add(Math.max(s47.t + 1, timeOn(rng, icpcDay)), false, 'conference.initial-held', {
          section47Id: strategy.eventId, planRequired, ...(planRequired ? { categoryOfAbuse: category } : {}),
          chairWorkerId: rng.pick(CHAIRS), attendingAgencies: rng.pick(partnerSets),
        }, actor(rng.pick(CHAIRS), 'conference-chair'));
        lastDay = Math.max(lastDay, icpcDay);
        lastT = Math.max(lastT, icpc.t);
        if (!planRequired) {
          stepDownToCin = rng.chance(0.7);
        } else {
          const planId = icpc.eventId;
          const planStart = icpcDay;
          // Reallocated to a child protection team.
          const cpTeam = rng.pick(CP_TEAMS);
          worker = workerOf(rng, cpTeam);
          cycle.add(Math.max(icpc.t + 1, timeOn(rng, planStart + rng.int(1, 5))), true, 'allocation.started', { workerId: worker, teamId: cpTeam }, actor(managerOf(cpTeam), 'team-manager'));
          // Reviews: 3 months, then every 6 months; the plan ends at one of them (or between).
          const reviewsHeld = rng.weighted([[1, 30], [2, 35], [3, 22], [4, 9], [5, 4]] as const);
          const reviewDays: number[] = [];
          let due = addMonths(planStart, 3);
          for (let k = 0; k < reviewsHeld; k += 1) {
            const held = onOrNextWorking(rng.chance(0.88) ? due - rng.int(0, 20) : due + rng.int(3, 25));
            reviewDays.push(Math.max(held, (reviewDays.at(-1) ?? planStart) + 1));
            due = addMonths(reviewDays.at(-1)!, 6);
          }
          const endsAtReview = rng.chance(0.85);
          const planEnd = endsAtReview ? reviewDays.at(-1)! : reviewDays.at(-1)! - rng.int(10, 40);
          const lastReviewIndex = endsAtReview ? reviewDays.length - 1 : reviewDays.findLastIndex((d) => d < planEnd);
          for (let k = 0; k <= lastReviewIndex; k += 1) {
            const ends = endsAtReview && k === reviewDays.length - 1;
            if (!ends && rng.chance(0.15)) category = rng.pick(['NEG', 'EMO', 'PHY', 'MUL'] as const);
            cycle.add(timeOn(rng, reviewDays[k]!), false, 'conference.review-held', {
              planId, planContinues: !ends, ...(ends ? { planEndReason: 'no-longer-at-risk' } : { categoryOfAbuse: category }),
              chairWorkerId: rng.pick(CHAIRS), attendingAgencies: rng.pick(partnerSets),
            }, actor(rng.pick(CHAIRS), 'conference-chair'));
          }
          if (!endsAtReview) {
            cycle.add(timeOn(rng, planEnd), false, 'cp-plan.ended', { planId, reason: rng.weighted([['looked-after', 50], ['moved-to-another-la', 35], ['other', 15]] as const) }, actor(managerOf(cpTeam), 'team-manager'));
          }
          // Within the plan: visits about every 10 working days, core groups about every 6 weeks.
          visits(rng, cycle, planStart, planEnd, 'child-protection', () => (rng.chance(0.85) ? rng.int(8, 13) : rng.int(14, 24)), () => worker);
          let coreGroup = addWorkingDays(planStart, rng.chance(0.86) ? rng.int(4, 10) : rng.int(11, 18));
          while (coreGroup < planEnd) {
            cycle.add(timeOn(rng, coreGroup), false, 'core-group.held', { planId, attendingAgencies: rng.pick(partnerSets) }, sw());
            coreGroup = onOrNextWorking(coreGroup + rng.int(28, 50));
          }
          lastDay = Math.max(lastDay, planEnd);
          lastT = Math.max(lastT, (planEnd + 1) * MINUTES_PER_DAY);
          stepDownToCin = rng.chance(0.55);
        }
      }
    }
  }

  let closeDay = lastDay + rng.int(0, 10);
  if (stepDownToCin) {
    const cinStart = onOrNextWorking(lastDay + rng.int(0, 10));
    const cinEnd = cinStart + rng.int(60, 330);
    const cinStartT = Math.max(lastT + 1, timeOn(rng, cinStart));
    cycle.add(cinStartT, false, 'cin-plan.started', {}, sw());
    if (rng.chance(0.5)) {
      // Stepped down to a children-in-need team.
      const cinTeam = rng.pick(CIN_TEAMS);
      worker = workerOf(rng, cinTeam);
      cycle.add(cinStartT + rng.int(60, 4000), true, 'allocation.started', { workerId: worker, teamId: cinTeam }, actor(managerOf(cinTeam), 'team-manager'));
    }
    visits(rng, cycle, cinStart, cinEnd, 'child-in-need', () => rng.int(20, 45), () => worker);
    const endT = Math.max(cinStartT + 1, timeOn(rng, cinEnd));
    cycle.add(endT, false, 'cin-plan.ended', {}, sw());
    lastT = endT;
    closeDay = dayOfTime(endT) + rng.int(0, 14);
  }
  return close(closeDay, rng.weighted([['RC7', 80], ['RC5', 8], ['RC3', 4], ['RC4', 3], ['RC6', 5]] as const), primaryNeed, lastT);
}

// ---------------------------------------------------------------------------------------------
// The writer: children arrive as a Poisson process; their journeys are merged in time order.

interface HeapEntry {
  t: number;
  child: number;
  seq: number;
  draft: Draft;
  journey: Generator<Draft>;
  childId: string;
}

class MinHeap {
  private readonly items: HeapEntry[] = [];
  get size() {
    return this.items.length;
  }
  peek(): HeapEntry | undefined {
    return this.items[0];
  }
  private less(a: HeapEntry, b: HeapEntry) {
    return a.t < b.t || (a.t === b.t && (a.child < b.child || (a.child === b.child && a.seq < b.seq)));
  }
  push(entry: HeapEntry) {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Mean events per child over whole journeys, from a pilot run, to set the arrival rate. */
function eventsPerChild(seed: number): number {
  const children = 3000;
  let events = 0;
  for (let i = 0; i < children; i += 1) {
    const rng = new Rng(seed ^ 0x5bd1e995, i);
    for (const _ of childJourney(rng, 'PILOT', dayOf('2022-01-01') * MINUTES_PER_DAY)) events += 1;
  }
  return events / children;
}

export async function generateInterchangeFile(options: GenerateOptions): Promise<GenerateResult> {
  const { events: target, seed, laCode, out } = options;
  if (!/^\d{3}$/.test(laCode)) throw new Error('--la must be a 3-digit LA code');
  const startDay = dayOf(options.startDate ?? '2021-04-01');
  const endDay = dayOf(options.endDate ?? '2024-04-30');
  // Journeys are cut off at the N-th event and the first months fill up slowly: 1.18 puts the N-th
  // event near endDate (measured, not derived).
  const perChild = eventsPerChild(seed);
  const childrenPerDay = (target / perChild / (endDay - startDay)) * 1.18;
  const meanGapMinutes = WORKDAY_MINUTES / childrenPerDay;

  const arrivals = new Rng(seed, 0xffffffff);
  let arrivalClock = 0; // business minutes since startDay 08:30
  let nextChild = 0;
  const nextArrival = () => {
    arrivalClock += arrivals.exp(meanGapMinutes);
    const day = startDay + Math.floor(arrivalClock / WORKDAY_MINUTES);
    return day * MINUTES_PER_DAY + WORKDAY_START + Math.floor(arrivalClock % WORKDAY_MINUTES);
  };
  let arrivalAt = nextArrival();

  const heap = new MinHeap();
  const admit = (child: number, t: number) => {
    const childId = `C${String(child + 1).padStart(7, '0')}`;
    const journey = childJourney(new Rng(seed, child), childId, t);
    const first = journey.next();
    if (!first.done) heap.push({ t: first.value.t, child, seq: 0, draft: first.value, journey, childId });
  };

  const stream = createWriteStream(out);
  let buffer = JSON.stringify({ format: interchangeFormatName, version: interchangeFormatVersion, exportedAt: '2024-04-30T18:00:00Z', laCodes: [laCode] }) + '\n'
    + workforceLines(laCode).map((line) => JSON.stringify(line) + '\n').join('');
  let bytes = 0;
  const write = async (force = false) => {
    if (buffer.length < 1 << 20 && !force) return;
    bytes += Buffer.byteLength(buffer);
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };

  let written = 0;
  let firstT = Number.POSITIVE_INFINITY;
  let lastT = 0;
  const byType: Record<string, number> = {};
  const counters = new Map<number, number>();
  while (written < target) {
    while (heap.size === 0 || arrivalAt <= heap.peek()!.t) {
      admit(nextChild, arrivalAt);
      nextChild += 1;
      arrivalAt = nextArrival();
    }
    const entry = heap.pop()!;
    const { draft } = entry;
    const k = (counters.get(entry.child) ?? 0) + 1;
    counters.set(entry.child, k);
    buffer += JSON.stringify({
      eventId: draft.eventId,
      laCode,
      childId: entry.childId,
      type: draft.type,
      occurredAt: draft.withTime ? isoDateTime(draft.t) : iso(dayOfTime(draft.t)),
      recordedAt: isoDateTime(draft.t + draft.recordedAfter),
      recordedBy: draft.by,
      clientId: `${entry.childId}-${k}`,
      ...(draft.supersedes ? { supersedes: draft.supersedes, correctionReason: draft.correctionReason } : {}),
      data: draft.data,
    }) + '\n';
    written += 1;
    byType[draft.type] = (byType[draft.type] ?? 0) + 1;
    firstT = Math.min(firstT, draft.t);
    lastT = Math.max(lastT, draft.t);
    await write();
    const next = entry.journey.next();
    if (next.done) counters.delete(entry.child);
    else heap.push({ ...entry, t: next.value.t, seq: entry.seq + 1, draft: next.value });
  }
  await write(true);
  stream.end();
  await once(stream, 'finish');
  return { events: written, children: nextChild, bytes, firstDate: iso(dayOfTime(firstT)), lastDate: iso(dayOfTime(lastT)), byType };
}

/** The interchange file for these options, cached in os.tmpdir() (generated on first use). */
export async function cachedInterchangeFile(events: number, seed: number, laCode: string): Promise<string> {
  const file = path.join(os.tmpdir(), `safeguard-bench-events-n${events}-s${seed}-la${laCode}-g${GENERATOR_VERSION}.ndjson`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.partial`;
  process.stderr.write(`Generating ${events.toLocaleString('en-GB')} events into ${file} …\n`);
  const started = performance.now();
  const result = await generateInterchangeFile({ events, seed, laCode, out: partial });
  renameSync(partial, file);
  process.stderr.write(
    `  ${result.children.toLocaleString('en-GB')} children, ${result.firstDate} to ${result.lastDate}, ` +
      `${(result.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return file;
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): GenerateOptions {
  const options: GenerateOptions = { events: 1_000_000, seed: 1, laCode: '206', out: 'events.ndjson' };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--events': options.events = Number(value); i += 1; break;
      case '--seed': options.seed = Number(value); i += 1; break;
      case '--la': options.laCode = String(value); i += 1; break;
      case '--out': options.out = String(value); i += 1; break;
      default: throw new Error(`Unknown option ${argv[i]} (use --events N --seed S --la 206 --out file)`);
    }
  }
  if (!Number.isInteger(options.events) || options.events < 1) throw new Error('--events must be a positive whole number');
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be a whole number');
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const result = await generateInterchangeFile(options);
  process.stderr.write(
    `Wrote ${result.events.toLocaleString('en-GB')} events for ${result.children.toLocaleString('en-GB')} children ` +
      `(${result.firstDate} to ${result.lastDate}, ${(result.bytes / 1e6).toFixed(0)} MB) to ${options.out} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const [type, n] of Object.entries(result.byType).sort((a, b) => b[1] - a[1])) process.stderr.write(`  ${type.padEnd(26)} ${n}\n`);
}
