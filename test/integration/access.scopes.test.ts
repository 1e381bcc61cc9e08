/**
 * Every role × every API route × a record in and out of the role's scope, signed in for real.
 *
 * The expected answer comes from the policy as written down here (what each scope may see, what
 * each kind of route needs), not from the code under test; a route with no expectation fails the
 * test, so a new route must say who may use it. Refused reads of a child's record leave an audit
 * row; lists never name a child outside scope; figures-only roles never see a child.
 */
import { chainAwaitingAudit } from '../../src/platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/passwords.ts';
import { AccountRepository } from '../../src/access/repo.ts';
import { roleNames, roles, type Role } from '../../src/access/roles.ts';
import { SignInService } from '../../src/access/sign-in.ts';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { loadConfig } from '../../src/app/config.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import {
  allocated, assessmentCompleted, assessmentStarted, contact, contactDecided, coreGroup, initialConference, line, mashCheckRequested,
  referral, registered, section47Completed, toNdjson, type InterchangeLine,
} from '../support/event-builders.ts';
import { minimalPdf, multipartUpload } from '../support/document-fixtures.ts';
import { DocumentRepository } from '../../src/modules/documents/repository.ts';
import { testDatabaseTargets } from '../support/test-database.ts';

const IN = 'INSCOPE1';
const OUT = 'OUTSCOPE1';
const PASSWORD = 'correct horse battery staple';
const NO_SUCH_ALERT = randomUUID();
/** An adult of each child's network, and each child's household (the family network's routes). */
const IN_ADULT = '00000000-0000-4000-8000-00000000a001';
const OUT_ADULT = '00000000-0000-4000-8000-00000000a002';
const householdOf = (childId: string) => `H-${childId}`;
const adultOf = (childId: string) => (childId === IN ? IN_ADULT : OUT_ADULT);
const NO_SUCH_REQUEST = randomUUID();
const NO_SUCH_MERGE = randomUUID();

/**
 * Seven contacts in February 2024 about children nobody here is allocated, one of them (LONE1) the
 * only contact on 14 February: the child a differencing attack would single out.
 */
const LONE_DAY = '2024-02-14';
const februaryContacts = [
  ['FEB1', '2024-02-05', 'F', 'WBRI'], ['FEB2', '2024-02-06', 'M', 'BCRB'], ['FEB3', '2024-02-07', 'F', 'AIND'], ['FEB4', '2024-02-08', 'M', 'WBRI'],
  ['FEB5', '2024-02-09', 'F', 'WBRI'], ['LONE1', LONE_DAY, 'M', 'MWBC'], ['FEB6', '2024-02-20', 'F', 'BCRB'],
].flatMap(([childId, day, sex, ethnicity]) => [
  registered(childId!, { at: '2024-02-01', sex: sex as 'F' | 'M', ethnicity, dateOfBirth: '2012-06-01' }),
  contact(childId!, `${day}T10:00:00Z`, { primaryReason: childId === 'LONE1' ? 'physical-abuse' : 'neglect' }),
]);

const agencyOf = (role: Role) =>
  role === 'police-officer' ? 'police' : role === 'health-practitioner' ? 'health' : role === 'school-designated-safeguarding-lead' ? 'education' : 'childrens-social-care';

// ---------------------------------------------------------------------------------------------
// Partner agencies (issue 14, finding 9): a child is shared with an agency for a reason, while
// that work is open and for SHARING_DAYS after it ends; never merely because it was once involved.

/** The period after the work ends for which the child stays shared (SAFEGUARD_PARTNER_SHARING_DAYS). */
const SHARING_DAYS = 90;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const TODAY = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const daysAgo = (days: number) => addDays(TODAY, -days);

/** Police asked at the front door about a contact decided 30 days ago: still within the period. */
const MASH_RECENT = 'MASHRECENT1';
/** Police asked about a contact decided 120 days ago: the period is over. */
const MASH_OLD = 'MASHOLD1';
/** A GP's contact, undecided; the police and health checked, and an assessment found factors. */
const HEALTH_CONTACT = 'HEALTHREF1';
/** A school's referral whose episode closed 200 days ago. */
const SCHOOL_OLD = 'SCHOOLOLD1';
/** On a child protection plan: the school attends the core group; the police attended only the strategy discussion. */
const ON_PLAN = 'ONPLAN1';
const partnerChildren = [MASH_RECENT, MASH_OLD, HEALTH_CONTACT, SCHOOL_OLD, ON_PLAN];

/**
 * Why each child of the fixture is shared with which agency, and the day that work ended (null:
 * still open), read off the events below by the rules of the issue: (a) the agency's own contact
 * or referral, while it is undecided or its episode open; (b) a MASH check asked of the agency,
 * while the contact is undecided; (c) a strategy discussion or section 47 enquiry it attended,
 * while the enquiry is open; (d) a child protection plan whose conference or core group it
 * attended, while the plan is open.
 */
const sharing: Record<string, { agency: string; reason: string; ended: string | null }[]> = {
  [IN]: [{ agency: 'police', reason: 'MASH check, contact undecided', ended: null }],
  [OUT]: [],
  // The February contacts came from the police (the builders' default source) and are undecided.
  ...Object.fromEntries(['FEB1', 'FEB2', 'FEB3', 'FEB4', 'FEB5', 'LONE1', 'FEB6'].map((childId) => [childId, [{ agency: 'police', reason: 'own contact, undecided', ended: null }]])),
  [MASH_RECENT]: [{ agency: 'police', reason: 'MASH check', ended: daysAgo(30) }],
  [MASH_OLD]: [{ agency: 'police', reason: 'MASH check', ended: daysAgo(120) }],
  [HEALTH_CONTACT]: [
    { agency: 'health', reason: 'own contact, undecided', ended: null },
    { agency: 'police', reason: 'MASH check, contact undecided', ended: null },
  ],
  [SCHOOL_OLD]: [{ agency: 'education', reason: 'own referral', ended: daysAgo(200) }],
  [ON_PLAN]: [
    { agency: 'police', reason: 'strategy discussion; enquiry completed', ended: daysAgo(160) },
    { agency: 'health', reason: 'initial conference; plan open', ended: null },
    { agency: 'education', reason: 'core group; plan open', ended: null },
  ],
};
const sharedWith = (agency: string, childId: string) =>
  (sharing[childId] ?? []).some((s) => s.agency === agency && (s.ended === null || addDays(s.ended, SHARING_DAYS) >= TODAY));
const isPartner = (role: Role) => roles[role].scope === 'shared-with-agency';

/** The policy, as the issue states it: who sees which child. */
function sees(role: Role, childId: string): boolean {
  switch (roles[role].scope) {
    case 'whole-la': return true;
    case 'service': case 'team': case 'own-caseload': return childId === IN; // IN is allocated to their worker, team and service
    case 'shared-with-agency': return sharedWith(agencyOf(role), childId);
    case 'figures-only': return false;
  }
}

/** The fixture's partner children, each event dated back from today so the sharing period is tested as it runs. */
function partnerFixture(): InterchangeLine[] {
  const family = { source: '1A', localSource: 'family-member' };
  const recent = contact(MASH_RECENT, `${daysAgo(40)}T10:00:00Z`, family);
  const old = contact(MASH_OLD, `${daysAgo(150)}T10:00:00Z`, family);
  const gp = contact(HEALTH_CONTACT, `${daysAgo(20)}T10:00:00Z`, { source: '3A', localSource: 'gp', referrerName: 'Dr Referrer', summary: 'GP concerned' });
  const assessed = assessmentStarted(HEALTH_CONTACT, daysAgo(28));
  const school = contact(SCHOOL_OLD, `${daysAgo(300)}T10:00:00Z`, { source: '2A', localSource: 'school' });
  const planContact = contact(ON_PLAN, `${daysAgo(260)}T10:00:00Z`, family);
  return [
    registered(MASH_RECENT, { at: daysAgo(40) }), recent, mashCheckRequested(MASH_RECENT, `${daysAgo(40)}T11:00:00Z`, 'police'),
    contactDecided(MASH_RECENT, `${daysAgo(30)}T10:00:00Z`, { contactId: recent.eventId, decision: 'no-further-action' }),
    registered(MASH_OLD, { at: daysAgo(150) }), old, mashCheckRequested(MASH_OLD, `${daysAgo(150)}T11:00:00Z`, 'police'),
    contactDecided(MASH_OLD, `${daysAgo(120)}T10:00:00Z`, { contactId: old.eventId, decision: 'no-further-action' }),
    // The contact is undecided, yet the child had an episode before it: the episode's assessment is internal detail.
    registered(HEALTH_CONTACT, { at: daysAgo(30) }), referral(HEALTH_CONTACT, daysAgo(30), { source: '1A' }), assessed,
    assessmentCompleted(HEALTH_CONTACT, daysAgo(25), { assessmentId: assessed.eventId, factors: ['2A', '3B'], outcome: 'no-further-action' }),
    line('episode.closed', HEALTH_CONTACT, daysAgo(24), { reasonForClosure: 'RC8', primaryNeed: 'N1' }),
    gp,
    mashCheckRequested(HEALTH_CONTACT, `${daysAgo(20)}T11:00:00Z`, 'police'), mashCheckRequested(HEALTH_CONTACT, `${daysAgo(20)}T11:00:00Z`, 'health'),
    line('mash-check.completed', HEALTH_CONTACT, `${daysAgo(19)}T11:00:00Z`, { agency: 'police', informationHeld: true, summary: 'POLICE-ONLY-INTELLIGENCE' }),
    line('mash-check.completed', HEALTH_CONTACT, `${daysAgo(19)}T12:00:00Z`, { agency: 'health', informationHeld: true, summary: 'Health visitor knows the family' }),
    registered(SCHOOL_OLD, { at: daysAgo(300) }), school,
    contactDecided(SCHOOL_OLD, `${daysAgo(299)}T10:00:00Z`, { contactId: school.eventId }),
    referral(SCHOOL_OLD, daysAgo(299), { source: '2A', contactId: school.eventId }),
    line('episode.closed', SCHOOL_OLD, daysAgo(200), { reasonForClosure: 'RC8', primaryNeed: 'N1' }),
    registered(ON_PLAN, { at: daysAgo(260) }), planContact,
    contactDecided(ON_PLAN, `${daysAgo(259)}T10:00:00Z`, { contactId: planContact.eventId }),
    referral(ON_PLAN, daysAgo(259), { source: '1A', contactId: planContact.eventId }),
    line('strategy-discussion.held', ON_PLAN, daysAgo(180), { attendingAgencies: ['childrens-social-care', 'police'], decision: 'section-47' }),
    section47Completed(ON_PLAN, daysAgo(160)),
    { ...initialConference(ON_PLAN, daysAgo(150)), data: { ...initialConference(ON_PLAN, daysAgo(150)).data, attendingAgencies: ['childrens-social-care', 'health'] } },
    { ...coreGroup(ON_PLAN, daysAgo(140)), data: { attendingAgencies: ['childrens-social-care', 'education'] } },
  ];
}
/** The roles that record supervision. */
const supervisors: readonly Role[] = ['senior-practitioner', 'team-manager', 'service-manager'];
const capable = (role: Role, capability: string) => ((roles[role] as { capabilities?: readonly string[] }).capabilities ?? []).includes(capability);

type Expectation = (role: Role, childId: string) => number | number[];
/** What each route needs. Keys are "METHOD url" as the OpenAPI document lists them. */
const routePolicy: Record<string, {
  expect: Expectation; body?: (childId: string) => unknown; query?: string; perChild?: boolean;
  /** A multipart/form-data body (a document's upload) in place of a JSON one. */
  upload?: () => Promise<{ payload: Buffer; contentType: string }>;
}> = {
  'GET /api/v1/health': { expect: () => 200 },
  'GET /api/v1/openapi.json': { expect: () => 200 },
  'GET /api/v1/code-lists': { expect: () => 200 },
  'GET /api/v1/session': { expect: () => 200 },
  'GET /api/v1/children': { expect: () => 200 },
  'GET /api/v1/children/{childId}': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/chronology': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/duties': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/related-children': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  // Who has looked at a record names staff and their reasons for breaking the glass: not for partner agencies.
  'GET /api/v1/children/{childId}/access-log': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'POST /api/v1/children/{childId}/events': {
    // Allowed: the record answers (a visit needs an open episode, so 409 naming what is allowed).
    expect: (r, c) => (!roles[r].records ? 403 : sees(r, c) ? [201, 409] : 404),
    body: () => ({ type: 'visit.made', occurredAt: '2024-03-20', clientId: randomUUID(), data: { kind: 'child-in-need', childSeen: true, seenAlone: false } }),
    perChild: true,
  },
  // Anyone who records may register a child (no child is in or out of scope yet). Dated after today, so
  // that a role allowed to is answered 400 and the matrix leaves no new child in the lists it checks.
  'POST /api/v1/children': {
    expect: (r) => (!roles[r].records ? 403 : 400),
    body: () => ({ occurredAt: '2099-03-20', clientId: randomUUID(), data: { forename: 'New', surname: 'Child', dateOfBirth: '2020-01-01', sex: 'F', ethnicity: 'WBRI' } }),
  },
  // Neither child is restricted: in scope, there is no glass to break; out of scope, no such child.
  'POST /api/v1/children/{childId}/break-glass': { expect: (r, c) => (sees(r, c) ? 409 : 404), body: () => ({ reason: 'Checking the matrix of access' }), perChild: true },
  'GET /api/v1/duties': { expect: () => 200, query: 'asAt=2024-03-31' },
  'GET /api/v1/duties/closed': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/timescale-rules': { expect: () => 200 },
  'GET /api/v1/teams': { expect: () => 200 },
  'GET /api/v1/workers': { expect: () => 200 },
  'POST /api/v1/teams': { expect: (r) => (capable(r, 'manage-reference-data') ? 201 : 403), body: () => ({ teamId: 't-a', name: 'Team A', service: 'children-in-need' }) },
  'GET /api/v1/metrics': { expect: () => 200 },
  'GET /api/v1/metrics/{id}': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/metrics/values': { expect: () => 200, query: 'from=2024-01-01&to=2024-03-31&ids=FD-01,CP-02b' },
  // A partner agency sees the children shared with it, not lists of children drawn from the council's figures.
  'GET /api/v1/metrics/{id}/children': { expect: (r) => (roles[r].scope === 'figures-only' || isPartner(r) ? 403 : 200), query: 'from=2024-01-01&to=2024-03-31' },
  'GET /api/v1/benchmarks': { expect: () => 200 },
  'POST /api/v1/benchmarks': { expect: (r) => (capable(r, 'manage-reference-data') ? 201 : 403), body: () => ({ csv: 'metric_id,year,geography,value,source\nFD-01,2023-24,england,5,matrix test' }) },
  'GET /api/v1/audit/anomalies': { expect: (r) => (capable(r, 'review-audit') ? 200 : 403), query: 'from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z' },
  'GET /api/v1/audit/verify': { expect: (r) => (capable(r, 'review-audit') ? 200 : 403) },
  'GET /api/v1/alerts': { expect: () => 200 },
  // Nobody has an alert here: marking one seen finds none, whoever asks (another's alert answers the same).
  'POST /api/v1/alerts/{alertId}/seen': { expect: () => 404 },
  'POST /api/v1/children/{childId}/adults': {
    expect: (r, c) => (isPartner(r) || !roles[r].records ? 403 : sees(r, c) ? 201 : 404), perChild: true,
    body: () => ({ adult: { forename: 'Matrix', surname: 'Adult', sex: 'F' }, link: { relationship: 'grandparent', parentalResponsibility: false, livesWithChild: false } }),
  },
  'GET /api/v1/children/{childId}/family-network': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/adults/{personId}': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'POST /api/v1/adults/{personId}/versions': {
    expect: (r, c) => (isPartner(r) || !roles[r].records ? 403 : sees(r, c) ? [201, 409] : 404), perChild: true,
    body: () => ({ basedOnVersion: 1, details: { forename: 'Ima', surname: 'Parent', sex: 'F', phone: '07700 900001' }, changeReason: 'New phone' }),
  },
  'POST /api/v1/adults/{personId}/links': {
    expect: (r, c) => (isPartner(r) ? 403 : !sees(r, c) ? 404 : !roles[r].records ? 403 : 201), perChild: true,
    body: (childId) => ({ childId, relationship: 'other-significant-adult', parentalResponsibility: false, livesWithChild: false }),
  },
  'GET /api/v1/households/{householdId}': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'POST /api/v1/households/{householdId}/moves': {
    expect: (r, c) => (isPartner(r) || !roles[r].records ? 403 : sees(r, c) ? 201 : 404), perChild: true,
    body: () => ({ address: { line1: '1 Matrix Road', postcode: 'SE1 7PB' }, movedOn: '2024-02-01' }),
  },
  'GET /api/v1/accounts': { expect: (r) => (capable(r, 'restrict-records') ? 200 : 403) },
  // Case notes: the council's own narrative, never a partner agency's (the partner view has none) nor a figures-only role's.
  'GET /api/v1/children/{childId}/case-notes': { expect: (r, c) => (isPartner(r) || roles[r].scope === 'figures-only' ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/case-notes/search': { expect: (r) => (isPartner(r) || roles[r].scope === 'figures-only' ? 403 : 200), query: 'q=family' },
  // A household note is recorded on each member: IN lives in household H-IN, OUT in H-OUT.
  'POST /api/v1/households/{householdId}/case-notes': {
    expect: (r, c) => (!roles[r].records ? 403 : sees(r, c) ? 201 : 404),
    body: () => ({ clientId: randomUUID(), occurredAt: '2024-03-20', data: { noteType: 'home-visit', narrative: 'Visited the family at home' } }),
    perChild: true,
  },
  // Documents: added by those who record, within scope; read by those who may read the record, never by partner agencies.
  'POST /api/v1/children/{childId}/documents': {
    expect: (r, c) => (!roles[r].records ? 403 : sees(r, c) ? 201 : 404),
    upload: () => multipartUpload({ title: 'Letter to the family', kind: 'letter' }, { name: 'letter.pdf', bytes: minimalPdf() }),
    perChild: true,
  },
  'GET /api/v1/children/{childId}/documents': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/children/{childId}/documents/{documentId}': { expect: (r, c) => (isPartner(r) ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  // Open tasks: a list, filtered to the children the reader may see (none for figures-only roles).
  'GET /api/v1/tasks': { expect: () => 200 },
  'GET /api/v1/tasks?assignee=team': { expect: () => 200 },
  // Supervision: everyone sees their own; supervisors their team's (senior practitioner), service's (team manager) or everyone's (service manager).
  'GET /api/v1/supervision/workers': { expect: () => 200 },
  // w-b works in child protection, another service than the signed-in worker's: only a service manager reaches them.
  'GET /api/v1/supervision/workers/{workerId}/sessions': { expect: (r) => (r === 'service-manager' ? 200 : 404) },
  'POST /api/v1/supervision': {
    expect: (r) => (!supervisors.includes(r) ? 403 : r === 'service-manager' ? 201 : 404),
    body: () => ({ workerId: 'w-b', heldOn: '2024-03-20', caseDiscussions: [] }),
  },
  // The IROs' caseloads: the council's staff who see children, each within their own sight; never a partner agency or a figures-only role.
  'GET /api/v1/care-planning/iro-caseload': { expect: (r) => (isPartner(r) || roles[r].scope === 'figures-only' ? 403 : 200) },
  // A manager's items awaiting their authorisation: only those who authorise have a worktray.
  'GET /api/v1/worktray': { expect: (r) => (capable(r, 'authorise') ? 200 : 403) },
  // Identity search covers the council for identity only; a partner agency's stays within what is
  // shared with it (src/modules/identity/search.ts); figures-only roles see no child.
  'GET /api/v1/identity/children': { expect: (r) => (roles[r].scope === 'figures-only' ? 403 : 200), query: 'name=Child' },
  'POST /api/v1/identity/duplicate-check': { expect: (r) => (roles[r].scope === 'figures-only' ? 403 : 200), body: () => ({ forename: 'Child', surname: 'Duplicate', dateOfBirth: '2016-05-02' }) },
  // Asking to see a record: the council's staff whose sight is narrower than the council's, for a record they cannot open.
  'POST /api/v1/children/{childId}/access-requests': {
    expect: (r, c) => (roles[r].scope === 'figures-only' || isPartner(r) ? 403 : sees(r, c) ? 409 : 201),
    body: () => ({ reason: 'Checking the matrix of access' }), perChild: true,
  },
  'GET /api/v1/access-requests': { expect: () => 200 },
  // No such request: a manager is told so; anyone else may not decide requests at all.
  'POST /api/v1/access-requests/{requestId}/decision': { expect: (r) => (capable(r, 'decide-access-requests') ? 404 : 403), body: () => ({ decision: 'granted' }) },
  // A duplicate that does not exist: nothing is merged, whoever asks.
  'POST /api/v1/merges': { expect: (r) => (capable(r, 'merge-records') ? 404 : 403), body: (childId) => ({ mergedChildId: 'NOSUCHCHILD1', survivingChildId: childId, reason: 'Checking the matrix of access' }) },
  'POST /api/v1/merges/{mergeId}/reversal': { expect: (r) => (capable(r, 'merge-records') ? 404 : 403), body: () => ({ reason: 'Checking the matrix of access' }) },
  'GET /api/v1/children/{childId}/merges': { expect: (r, c) => (sees(r, c) ? 200 : 404), perChild: true },
  // The statutory returns: producing, downloading and validating need make-returns (checked before
  // the input, so a role with it is told what is wrong with the request, and no job is started).
  'GET /api/v1/returns': { expect: (r) => (capable(r, 'make-returns') ? 200 : 403) },
  'POST /api/v1/returns/jobs': { expect: (r) => (capable(r, 'make-returns') ? 400 : 403), body: () => ({ kind: 'cin' }) },
  'GET /api/v1/returns/jobs/{jobId}': { expect: (r) => (capable(r, 'make-returns') ? 404 : 403) },
  'GET /api/v1/returns/jobs/{jobId}/files/{name}': { expect: (r) => (capable(r, 'make-returns') ? 404 : 403) },
  'POST /api/v1/returns/validations': { expect: (r) => (capable(r, 'make-returns') ? 400 : 403), body: () => ({ files: [] }) },
  // A child's live issues and the worklist of them: the council's staff who see children, each within their own sight.
  'GET /api/v1/returns/children/{childId}/issues': { expect: (r, c) => (isPartner(r) || roles[r].scope === 'figures-only' ? 403 : sees(r, c) ? 200 : 404), perChild: true },
  'GET /api/v1/returns/issues': { expect: (r) => (isPartner(r) || roles[r].scope === 'figures-only' ? 403 : 200) },
};
/** Routes this matrix leaves to their own tests, and why. */
const coveredElsewhere: Record<string, string> = {
  'POST /api/v1/sign-in': 'signing in is what the matrix does for each role (src/access/routes.test.ts)',
  'POST /api/v1/sign-in/second-factor': 'as above',
  'POST /api/v1/sign-out': 'would end the session under test (src/access/routes.test.ts)',
  'GET /api/v1/sign-in/oidc': 'single sign-on, open to everyone; 404 where not set up, as here: against a real provider in src/access/oidc.test.ts',
  'GET /api/v1/sign-in/oidc/callback': 'as above',
  'POST /api/v1/workers': 'same policy as POST /api/v1/teams, which the matrix covers',
  'POST /api/v1/children/{childId}/restriction': 'changes who sees the record: covered with break-glass in src/access/restricted-records.test.ts',
  'GET /api/v1/reports/annual': 'figures for every signed-in role, seconds per report: src/reports tests',
};

describe.each(testDatabaseTargets)('who may use which route on $name', (target) => {
  let db: Database;
  let app: FastifyInstance;
  let dir: string;
  const sessions = new Map<Role, { cookie: string; csrf: string }>();
  /** A document on each child of the matrix, by child. */
  const documentIds = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-scopes-'));
    db = await target.open();
    const file = path.join(dir, 'two-children.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: 't-a', name: 'Team A', service: 'children-in-need' },
      { record: 'team', laCode: '206', teamId: 't-b', name: 'Team B', service: 'child-protection' },
      { record: 'worker', laCode: '206', workerId: 'w-a', name: 'Ann Able', role: 'social-worker', teamId: 't-a', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      { record: 'worker', laCode: '206', workerId: 'w-b', name: 'Bo Baker', role: 'social-worker', teamId: 't-b', agency: 'childrens-social-care', startedOn: '2020-01-01' },
      // Contacts from the family: neither child is any partner agency's own referral.
      registered(IN, { at: '2024-01-02' }), contact(IN, '2024-01-03T10:00:00Z', { source: '1A', localSource: 'family-member' }),
      mashCheckRequested(IN, '2024-01-03T11:00:00Z', 'police'), allocated(IN, '2024-01-04', 'w-a', 't-a'),
      registered(OUT, { at: '2024-01-02' }), contact(OUT, '2024-01-03T10:00:00Z', { source: '1A', localSource: 'family-member' }), allocated(OUT, '2024-01-04', 'w-b', 't-b'),
      // Each child's household, and an adult of each child's network (a reference line, linked by the child's relationship).
      ...[IN, OUT].flatMap((childId) => [
        { record: 'family-adult', laCode: '206', personId: adultOf(childId), version: 1, details: { forename: 'Ima', surname: 'Parent', sex: 'F', householdId: householdOf(childId) },
          recordedBy: 'importer', recordedRole: 'administrator', recordedAt: '2024-01-02T12:00:00Z' },
        line('household.joined', childId, '2024-01-02', { householdId: householdOf(childId) }),
        line('relationship.recorded', childId, '2024-01-02', { relationship: 'mother', relatedPerson: { personId: adultOf(childId), name: 'Ima Parent' }, parentalResponsibility: true, livesWithChild: true }),
      ]),
      ...partnerFixture(),
      ...februaryContacts,
    ]));
    const context = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
    const services = createServices(loadConfig({ SAFEGUARD_DEV_SIGN_IN: 'off', SAFEGUARD_PARTNER_SHARING_DAYS: String(SHARING_DAYS) }), db);
    expect((await importInterchangeFile(db, file, context, services.timescales)).problems).toEqual([]);
    for (const childId of [IN, OUT]) {
      const documents = new DocumentRepository(db, context, services.repositoryFor(context), services.config.documentMaxMegabytes);
      const added = await documents.add(childId, { title: 'Letter to the family', kind: 'letter', file: { fileName: 'letter.pdf', bytes: minimalPdf() } });
      documentIds.set(childId, added.documentId);
    }

    const accounts = new AccountRepository(db, '206');
    const passwordHash = await hashPassword(PASSWORD);
    app = createApp(services);
    for (const [index, role] of roleNames.entries()) {
      const secret = roles[role].needsSecondFactor ? SignInService.newSecondFactor({ username: role }).secret : null;
      await accounts.createAccount({ userId: `u-${role}`, username: role, displayName: `A ${role}`, role, agency: agencyOf(role), teamId: 't-a', workerId: 'w-a', passwordHash, oidcSubject: null, totpSecret: secret });
      const remoteAddress = `10.0.${Math.floor(index / 200)}.${index % 200}`;
      const signedIn = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: role, password: PASSWORD } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      let cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      let csrf = signedIn.json().csrfToken as string;
      if (secret) {
        const code = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });
        const verified = await app.inject({ method: 'POST', url: '/api/v1/sign-in/second-factor', remoteAddress, headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
        expect(verified.statusCode, verified.body).toBe(200);
        // The code moves the session to a fresh token.
        cookie = String(verified.headers['set-cookie']).split(';')[0]!;
        csrf = verified.json().csrfToken as string;
      }
      sessions.set(role, { cookie, csrf });
    }
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has an expectation for every route it publishes', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const published = Object.entries(document.paths).flatMap(([url, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${url}`));
    const unaccounted = published.filter((key) => !(key in routePolicy) && !(key in coveredElsewhere));
    expect(unaccounted, 'each route must declare who may use it').toEqual([]);
  });

  it('answers each role on each route as the policy says, for a record in and out of scope', async () => {
    const mismatches: string[] = [];
    for (const role of roleNames) {
      const { cookie, csrf } = sessions.get(role)!;
      for (const [key, policy] of Object.entries(routePolicy)) {
        const [method, template] = key.split(' ') as ['GET' | 'POST', string];
        for (const childId of policy.perChild ? [IN, OUT] : [IN]) {
          const upload = await policy.upload?.();
          const url = template.replace('{childId}', childId).replace('{id}', 'FD-01').replace('{alertId}', NO_SUCH_ALERT)
            .replace('{documentId}', documentIds.get(childId)!).replace('{personId}', adultOf(childId)).replace('{householdId}', householdOf(childId))
            .replace('{workerId}', 'w-b').replace('{requestId}', NO_SUCH_REQUEST).replace('{mergeId}', NO_SUCH_MERGE)
            .replace('{jobId}', NO_SUCH_MERGE).replace('{name}', 'cin.xml') + (policy.query ? `?${policy.query}` : '');
          const response = await app.inject({
            method, url, headers: { cookie, 'x-csrf-token': csrf, ...(policy.body ? { 'content-type': 'application/json' } : {}), ...(upload ? { 'content-type': upload.contentType } : {}) },
            ...(policy.body ? { payload: JSON.stringify(policy.body(childId)) } : {}),
            ...(upload ? { payload: upload.payload } : {}),
          });
          const expected = [policy.expect(role, childId)].flat();
          if (!expected.includes(response.statusCode)) mismatches.push(`${role} ${method} ${url}: ${response.statusCode} (expected ${expected.join('/')}) ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('never names a child outside scope in a list, and audits each refused read of a record', async () => {
    for (const role of roleNames) {
      const { cookie } = sessions.get(role)!;
      const listed = new Set<string>();
      const search = (await app.inject({ method: 'GET', url: '/api/v1/children?limit=50', headers: { cookie } })).json() as { children: { childId: string }[] };
      for (const child of search.children) listed.add(child.childId);
      const due = (await app.inject({ method: 'GET', url: '/api/v1/duties?asAt=2024-03-31', headers: { cookie } })).json() as { duties: { childId: string }[] };
      for (const duty of due.duties) listed.add(duty.childId);
      for (const childId of listed) expect(sees(role, childId), `${role} was shown ${childId}`).toBe(true);
      if (sees(role, IN)) expect(search.children.map((c) => c.childId), `${role} should find ${IN}`).toContain(IN);

      if (!sees(role, OUT)) {
        await chainAwaitingAudit(db.pool);
        const refusals = await db.pool.query(
          `SELECT count(*) AS n FROM audit_event WHERE user_id = $1 AND child_id = $2 AND action = 'refused' AND resource = 'child-record'`,
          [`u-${role}`, OUT],
        );
        expect(Number(refusals.rows[0].n), `${role}'s refused reads of ${OUT} are audited`).toBeGreaterThan(0);
      }
    }
  });
  // -------------------------------------------------------------------------------------------
  // Partner agencies: why a child is shared, until when, and what of the record they see.

  it('shares a child with a partner agency only while its reason is live and for the configured period after', async () => {
    const mismatches: string[] = [];
    for (const role of roleNames.filter(isPartner)) {
      const { cookie } = sessions.get(role)!;
      for (const childId of [IN, OUT, ...partnerChildren]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: { cookie } });
        const expected = sees(role, childId) ? 200 : 404;
        if (response.statusCode !== expected) mismatches.push(`${role} GET ${childId}: ${response.statusCode} (expected ${expected})`);
      }
    }
    expect(mismatches).toEqual([]);
    // The cases the issue names, stated plainly as well as through the table above.
    expect(sees('police-officer', IN), 'MASH check, contact undecided').toBe(true);
    expect(sees('police-officer', MASH_RECENT), 'MASH check, contact decided within the period').toBe(true);
    expect(sees('police-officer', MASH_OLD), 'MASH check, contact decided before the period').toBe(false);
    expect(sees('health-practitioner', HEALTH_CONTACT), 'the GP\'s own contact').toBe(true);
    expect(sees('school-designated-safeguarding-lead', SCHOOL_OLD), 'the school\'s referral, closed long ago').toBe(false);
    expect(sees('school-designated-safeguarding-lead', ON_PLAN), 'core group of an open plan').toBe(true);
    expect(sees('police-officer', ON_PLAN), 'strategy discussion, enquiry completed before the period').toBe(false);
  });

  it('gives partner agencies the partner view: no other agency\'s check, no assessment detail, no staff', async () => {
    const read = async (role: Role, childId: string, part = '') => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}${part}`, headers: { cookie: sessions.get(role)!.cookie } });
      expect(response.statusCode, response.body).toBe(200);
      return response;
    };
    for (const [role, own, other] of [['health-practitioner', 'health', 'police'], ['police-officer', 'police', 'health']] as const) {
      const record = (await read(role, HEALTH_CONTACT)).json() as { contacts: { mashChecks: { agency: string }[] }[]; episodes: Record<string, unknown>[] };
      const checks = record.contacts.flatMap((c) => c.mashChecks.map((m) => m.agency));
      expect(checks, `${role} sees its own check`).toContain(own);
      expect(checks, `${role} does not see the ${other} check`).not.toContain(other);
      const body = (await read(role, HEALTH_CONTACT)).body + (await read(role, HEALTH_CONTACT, '/chronology')).body;
      for (const leftOut of ['factors', '"2A"', '"3B"', 'authorisedByWorkerId', 'decidedByWorkerId', 'Dr Referrer', 'allocations', 'userId']) {
        expect(body, `${role} is not shown ${leftOut}`).not.toContain(leftOut);
      }
      if (own !== 'police') expect(body, `${role} is not shown the police's check`).not.toContain('POLICE-ONLY-INTELLIGENCE');
      if (own === 'health') expect(body, 'health is shown what it said itself').toContain('Health visitor knows the family');
      const chronology = (await read(role, HEALTH_CONTACT, '/chronology')).json() as { entries: { type: string; data: Record<string, unknown> }[] };
      const otherChecks = chronology.entries.filter((e) => e.type.startsWith('mash-check.') && e.data.agency !== own);
      expect(otherChecks, `${role}'s chronology leaves out the other agencies' checks`).toEqual([]);
      expect(chronology.entries.some((e) => e.type === 'mash-check.completed' && e.data.agency === own), `${role}'s own check is in its chronology`).toBe(true);
    }
    // The council's own staff still see the whole record.
    const whole = (await read('front-door-officer', HEALTH_CONTACT)).body + (await read('front-door-officer', HEALTH_CONTACT, '/chronology')).body;
    for (const kept of ['factors', 'POLICE-ONLY-INTELLIGENCE', 'Dr Referrer']) expect(whole, `front door sees ${kept}`).toContain(kept);
    // The school sees the plan it works on, and not what it did not attend.
    const plan = (await read('school-designated-safeguarding-lead', ON_PLAN)).json() as { activeChildProtectionPlan: { startedOn: string } | null };
    expect(plan.activeChildProtectionPlan?.startedOn).toBe(daysAgo(150));
  });

  it('refuses partner agencies the access log of a record shared with them, and the children behind figures', async () => {
    for (const [role, childId] of [['police-officer', IN], ['health-practitioner', HEALTH_CONTACT], ['school-designated-safeguarding-lead', ON_PLAN]] as const) {
      const { cookie } = sessions.get(role)!;
      expect((await app.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: { cookie } })).statusCode, `${role} sees ${childId}`).toBe(200);
      const log = await app.inject({ method: 'GET', url: `/api/v1/children/${childId}/access-log`, headers: { cookie } });
      expect(log.statusCode, `${role} is refused the access log of ${childId}`).toBe(403);
      expect(log.body).not.toContain('u-');
      const drill = await app.inject({ method: 'GET', url: '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31', headers: { cookie } });
      expect(drill.statusCode, `${role} gets no children from figures`).toBe(403);
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Encoded paths. The router decodes the path before it matches (`%73ign-in` is `sign-in`,
  // `%61pi` is `api`), so the rate limits, headers, session and CSRF checks must follow the route
  // it matched, not the raw request line.

  const securityHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'content-security-policy': expect.stringContaining("frame-ancestors 'none'") };
  /** Spellings the router matches as POST /api/v1/sign-in. */
  const signInSpellings = ['/api/v1/%73ign-in', '/%61pi/v1/sign-in', '/api/v1/sign%2Din', '/%61%70%69/%76%31/%73%69%67%6E%2D%69%6E', '/api/v1/sign-in?x=1'];
  /** Spellings that are that route or none (depending on who normalises them): once limited, none reaches the handler. */
  const notSignInSpellings = ['/api//v1/sign-in', '/api/v1/./sign-in', '/api/v1/../v1/sign-in', '/api/v1/sign-in/', '/API/v1/sign-in', '/api/v1/Sign-In', '/api/v1/%2573ign-in', '/%2561pi/v1/sign-in', '/api/v1/sign-in%2F', '/api/v1/sign-in%00'];

  it('limits sign-in attempts from an address however the path is spelt, and every answer carries the security headers', async () => {
    const remoteAddress = '10.99.0.1';
    // A different name each time, so that no name's own lockout answers first.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: `nobody-${attempt}`, password: 'not the password' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers).toMatchObject(securityHeaders);
    }
    for (const url of ['/api/v1/sign-in', ...signInSpellings]) {
      const limited = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: 'social-worker', password: PASSWORD } });
      expect(limited.statusCode, `${url}: ${limited.body}`).toBe(429);
      expect(limited.headers, url).toMatchObject(securityHeaders);
    }
    for (const url of notSignInSpellings) {
      const elsewhere = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: 'social-worker', password: PASSWORD } });
      expect([400, 404, 429], `${url}: ${elsewhere.statusCode} ${elsewhere.body}`).toContain(elsewhere.statusCode);
      expect(elsewhere.headers['set-cookie'], url).toBeUndefined();
      expect(elsewhere.headers, url).toMatchObject(securityHeaders);
    }
  });

  it('counts attempts on an encoded path against the same limit as the plain path', async () => {
    const remoteAddress = '10.99.0.3';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const url = signInSpellings[attempt % signInSpellings.length]!;
      const wrong = await app.inject({ method: 'POST', url, remoteAddress, payload: { username: `nobody-else-${attempt}`, password: 'not the password' } });
      expect(wrong.statusCode, url).toBe(401);
      expect(wrong.headers, url).toMatchObject(securityHeaders);
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/sign-in', remoteAddress, payload: { username: 'social-worker', password: PASSWORD } })).statusCode).toBe(429);
  });

  it('answers a protected route spelt with escapes exactly as the plain route: same session, same scope, same CSRF check, same headers', async () => {
    const { cookie, csrf } = sessions.get('social-worker')!;
    const spell = (path: string) => [path, path.replace('/api/', '/%61pi/'), path.replace('/children/', '/%63hildren/'), path.replace(/\/v1\//, '/%76%31/')];
    for (const path of [`/api/v1/children/${IN}`, `/api/v1/children/${OUT}`, '/api/v1/session', '/api/v1/audit/verify']) {
      const plain = await app.inject({ method: 'GET', url: path, headers: { cookie } });
      const anonymous = await app.inject({ method: 'GET', url: path });
      for (const url of spell(path)) {
        const signedIn = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(signedIn.statusCode, url).toBe(plain.statusCode);
        expect(signedIn.headers, url).toMatchObject(securityHeaders);
        const notSignedIn = await app.inject({ method: 'GET', url });
        expect(notSignedIn.statusCode, url).toBe(anonymous.statusCode);
        expect(notSignedIn.headers, url).toMatchObject(securityHeaders);
      }
    }
    const event = () => JSON.stringify({ type: 'visit.made', occurredAt: '2024-03-20', clientId: randomUUID(), data: { kind: 'child-in-need', childSeen: true, seenAlone: false } });
    for (const url of spell(`/api/v1/children/${IN}/events`)) {
      const withoutToken = await app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: event() });
      expect(withoutToken.statusCode, `${url}: ${withoutToken.body}`).toBe(403);
      expect(withoutToken.json().error.problems[0].field).toBe('x-csrf-token');
      const withToken = await app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: event() });
      expect([201, 409], `${url}: ${withToken.body}`).toContain(withToken.statusCode);
    }
  });

  it('answers with the security headers where no route matches', async () => {
    for (const [method, url] of [['GET', '/api/v1/no-such-route'], ['POST', '/api/v1/no-such-route'], ['GET', '/%61pi/v1/no-such-route'], ['POST', '/no-such-page'], ['GET', '/api'], ['POST', '/API/v1/children']] as const) {
      const missing = await app.inject({ method, url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.headers, `${method} ${url}`).toMatchObject(securityHeaders);
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Metric scope rules per role: figures within scope, disclosure control, bounded windows.

  const get = (role: Role, url: string) => app.inject({ method: 'GET', url, headers: { cookie: sessions.get(role)!.cookie } });
  const badFields = (response: { json: () => unknown }) => ((response.json() as { error?: { problems?: { field: string }[] } }).error?.problems ?? []).map((p) => p.field);
  /** Whole council and the capability to see raw figures: the policy as the issue states it. */
  const seesRawFigures = (role: Role) => roles[role].scope === 'whole-la' && capable(role, 'see-unsuppressed-figures');
  /** Everyone whose sight is narrower than the whole council sees figures under disclosure control. */
  const disclosureControlled = (role: Role) => roles[role].scope !== 'whole-la';

  it('metric scope rules per role: raw figures need the capability and are audited; a narrower scope gets no breakdown by worker or team', async () => {
    const mismatches: string[] = [];
    for (const role of roleNames) {
      const raw = await get(role, '/api/v1/metrics/CP-01?asAt=2024-03-31&by=worker,ethnicity&unsuppressed=true&threshold=1');
      if (seesRawFigures(role)) {
        if (raw.statusCode !== 200 || raw.json().breakdown.suppression.applied !== false) mismatches.push(`${role} raw: ${raw.statusCode} ${raw.body.slice(0, 160)}`);
      } else if (raw.statusCode !== 403) mismatches.push(`${role} raw: ${raw.statusCode} (expected 403) ${raw.body.slice(0, 160)}`);

      const byWorker = await get(role, '/api/v1/metrics/CP-01?asAt=2024-03-31&by=worker');
      if (disclosureControlled(role)) {
        if (byWorker.statusCode !== 400 || !badFields(byWorker).includes('by')) mismatches.push(`${role} by=worker: ${byWorker.statusCode} (expected 400 naming by) ${byWorker.body.slice(0, 160)}`);
      } else if (byWorker.statusCode !== 200 || byWorker.json().breakdown.suppression.applied !== true) {
        mismatches.push(`${role} by=worker: ${byWorker.statusCode} ${byWorker.body.slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);

    await chainAwaitingAudit(db.pool);
    const used = await db.pool.query(
      `SELECT count(*) AS n FROM audit_event WHERE user_id = 'u-performance-analyst' AND resource = 'metric-unsuppressed' AND (detail->>'threshold')::int = 1`,
    );
    expect(Number(used.rows[0].n), 'each use of raw figures is audited, with its threshold').toBeGreaterThan(0);
    const refused = await db.pool.query(
      `SELECT count(*) AS n FROM audit_event WHERE user_id = 'u-social-worker' AND resource = 'metric-unsuppressed' AND action = 'refused'`,
    );
    expect(Number(refused.rows[0].n), 'each refused request for raw figures is audited').toBeGreaterThan(0);
  }, 300_000);

  it('metric scope rules per role: the children behind a figure say nothing of children outside scope', async () => {
    // Figures-only roles see no child at all; partner agencies get no children from figures (403, tested above).
    for (const role of roleNames.filter((r) => roles[r].scope !== 'figures-only' && !isPartner(r))) {
      const response = await get(role, '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31');
      expect(response.statusCode, response.body).toBe(200);
      const list = response.json() as { counted: number; listed: number; notVisible: number | null; children: { childId: string }[] };
      for (const child of list.children) expect(sees(role, child.childId) || roles[role].scope === 'whole-la', `${role} was shown ${child.childId}`).toBe(true);
      if (seesRawFigures(role)) continue;
      // Nothing beyond what is listed: not how many there are, nor how many are hidden.
      expect({ role, counted: list.counted, notVisible: list.notVisible }).toEqual({ role, counted: list.listed, notVisible: null });
    }
    // Nine contacts in the quarter; the social worker's team holds one of them.
    const mine = (await get('social-worker', '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31')).json();
    expect({ counted: mine.counted, listed: mine.listed, notVisible: mine.notVisible }).toEqual({ counted: 1, listed: 1, notVisible: null });
  }, 300_000);

  it('metric scope rules per role: figures-only and narrow-scope roles cannot single out a child by differencing two windows (FD-01)', async () => {
    // The day has exactly one contact (as someone who may see raw figures counts it).
    const day = (await get('performance-analyst', `/api/v1/metrics/FD-01?from=${LONE_DAY}&to=${LONE_DAY}`)).json();
    expect(day.value).toBe(1);
    const isRounded = (value: number | null) => value === null || value % 5 === 0;
    for (const role of ['independent-scrutineer', 'partnership-business-unit', 'social-worker', 'police-officer'] as const) {
      // A window that is not whole months is refused, naming the field that is not.
      for (const [query, fields] of [
        [`from=${LONE_DAY}&to=${LONE_DAY}`, ['from', 'to']],
        ['from=2024-02-01&to=2024-02-13', ['to']],
        ['from=2024-02-15&to=2024-02-29', ['from']],
        ['from=2024-02-01&to=2024-02-29', []],
      ] as const) {
        for (const by of ['ethnicity', 'sex', 'age-band', 'local-source', 'reason']) {
          const response = await get(role, `/api/v1/metrics/FD-01?${query}&by=${by}`);
          if (fields.length > 0) {
            expect({ role, query, by, status: response.statusCode, fields: badFields(response) }).toEqual({ role, query, by, status: 400, fields });
            continue;
          }
          expect(response.statusCode, response.body).toBe(200);
        }
      }
      expect(badFields(await get(role, `/api/v1/metrics/CP-01?asAt=${LONE_DAY}`))).toEqual(['asAt']);
      expect(badFields(await get(role, `/api/v1/metrics/values?from=2024-02-01&to=2024-02-13&ids=FD-01`))).toEqual(['to']);
      expect(badFields(await get(role, `/api/v1/reports/annual?from=2024-02-01&to=2024-02-13`))).toEqual(['to']);

      // Whole months that differ by the month of that day: every count is rounded to 5 or withheld,
      // so no cell of one differs from the other by exactly one child.
      for (const by of ['ethnicity', 'sex', 'age-band', 'local-source', 'reason']) {
        const [withDay, withoutDay] = await Promise.all(['from=2024-01-01&to=2024-02-29', 'from=2024-01-01&to=2024-01-31'].map(async (query) => {
          const response = await get(role, `/api/v1/metrics/FD-01?${query}&by=${by}&trend=3`);
          expect(response.statusCode, response.body).toBe(200);
          return response.json() as { value: number | null; numerator: number | null; trend: { numerator: number | null; value: number | null }[]; breakdown: { rows: { groups: { code: string }[]; numerator: { value: number | null }; value: { value: number | null } }[] } };
        }));
        for (const result of [withDay!, withoutDay!]) {
          expect([result.value, result.numerator, ...result.trend.flatMap((point) => [point.value, point.numerator])].every(isRounded), `${role} ${by} headline`).toBe(true);
          expect(result.breakdown.rows.every((row) => isRounded(row.numerator.value) && isRounded(row.value.value)), `${role} ${by} cells`).toBe(true);
        }
        for (const row of withDay!.breakdown.rows) {
          const other = withoutDay!.breakdown.rows.find((r) => r.groups.map((g) => g.code).join() === row.groups.map((g) => g.code).join());
          expect(Math.abs((row.numerator.value ?? 0) - (other?.numerator.value ?? 0)), `${role} ${by} ${row.groups[0]!.code}`).not.toBe(1);
        }
      }
    }
  }, 300_000);

  it('metric scope rules per role: a dashboard and the annual report under disclosure control give rounded figures and still render', async () => {
    const isRounded = (value: number | null | undefined) => value === null || value === undefined || value % 5 === 0;
    const values = await get('independent-scrutineer', '/api/v1/metrics/values?from=2024-01-01&to=2024-03-31&ids=FD-01,FD-03,FD-13,CIN-08,CP-02b');
    expect(values.statusCode, values.body).toBe(200);
    const results = Object.entries(values.json().results as Record<string, { numerator?: number | null; denominator?: number | null; valueType?: string; metric?: { valueType: string } }>);
    expect(results.length).toBe(5);
    for (const [id, result] of results) {
      expect(result.numerator === undefined ? 'error' : 'figure', `${id}: ${JSON.stringify(result).slice(0, 200)}`).toBe('figure');
      expect(isRounded(result.numerator), `${id} numerator ${result.numerator}`).toBe(true);
      if (result.metric!.valueType === 'percent') expect(isRounded(result.denominator), `${id} denominator ${result.denominator}`).toBe(true);
    }
    expect((values.json().results['FD-01'] as { numerator: number }).numerator).toBe(10); // nine contacts in the quarter
    const report = await get('independent-scrutineer', '/api/v1/reports/annual?from=2024-01-01&to=2024-03-31');
    expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
    expect(report.headers['content-type']).toContain('text/html');
  }, 300_000);

  it('bounds the windows of figures and reports, naming the field, for everyone', async () => {
    for (const role of ['independent-scrutineer', 'performance-analyst'] as const) {
      expect(badFields(await get(role, '/api/v1/metrics/FD-01?from=1900-01-01&to=2026-03-31')), role).toEqual(['from']);
      expect(badFields(await get(role, '/api/v1/metrics/FD-01?from=2015-04-01&to=2026-03-31')), role).toEqual(['to']);
      expect(badFields(await get(role, '/api/v1/metrics/values?from=1900-01-01&to=2026-03-31&ids=FD-01')), role).toEqual(['from']);
      expect(badFields(await get(role, '/api/v1/reports/annual?from=1900-01-01&to=2026-03-31')), role).toEqual(['from']);
      expect(badFields(await get(role, '/api/v1/reports/annual?from=2015-04-01&to=2026-03-31&format=pdf')), role).toEqual(['to']);
      expect(badFields(await get(role, '/api/v1/metrics/FD-01?period=FY2023-24&trend=24')), role).toEqual(['trend']);
    }
  }, 300_000);

  // List auditing: every child a list shows is on the audit log as read by whoever was shown it.
  it('audits, for each role, every child each list route showed, under the list\'s name', async () => {
    const lists: { url: string; resource: string; childIds: (body: Record<string, unknown>) => string[] }[] = [
      { url: '/api/v1/children?limit=50', resource: 'child-search', childIds: (b) => (b.children as { childId: string }[]).map((c) => c.childId) },
      { url: '/api/v1/duties?asAt=2024-03-31', resource: 'duty-list', childIds: (b) => (b.duties as { childId: string }[]).map((d) => d.childId) },
      { url: '/api/v1/duties/closed?from=2024-01-01&to=2024-03-31', resource: 'closed-duty-list', childIds: (b) => (b.items as { childId: string }[]).map((d) => d.childId) },
      { url: `/api/v1/children/${IN}/related-children`, resource: 'related-children', childIds: (b) => (b.children as { childId: string }[] | undefined ?? []).map((c) => c.childId) },
      { url: '/api/v1/metrics/FD-01/children?from=2024-01-01&to=2024-03-31', resource: 'metric-children', childIds: (b) => (b.children as { childId: string }[] | undefined ?? []).map((c) => c.childId) },
      { url: '/api/v1/alerts', resource: 'alert-list', childIds: (b) => (b.alerts as { childId: string }[]).map((a) => a.childId) },
    ];
    const unaudited: string[] = [];
    for (const role of roleNames) {
      const { cookie } = sessions.get(role)!;
      const shown: { resource: string; childId: string }[] = [];
      for (const list of lists) {
        const response = await app.inject({ method: 'GET', url: list.url, headers: { cookie } });
        if (response.statusCode !== 200) continue; // refused lists show nobody (the matrix above checks who is refused)
        for (const childId of list.childIds(response.json())) shown.push({ resource: list.resource, childId });
      }
      // The due list shows IN to everyone who may see IN: the check below is not vacuous.
      if (sees(role, IN)) expect(shown.filter((s) => s.resource === 'duty-list').map((s) => s.childId), `${role}'s due list`).toContain(IN);
      await chainAwaitingAudit(db.pool);
      const audited = await db.pool.query(
        `SELECT DISTINCT resource, child_id FROM audit_event WHERE user_id = $1 AND action = 'read' AND child_id IS NOT NULL`, [`u-${role}`],
      );
      const rows = new Set(audited.rows.map((row) => `${row.resource} ${row.child_id}`));
      for (const { resource, childId } of shown) if (!rows.has(`${resource} ${childId}`)) unaudited.push(`${role}: ${resource} showed ${childId}`);
    }
    expect(unaudited).toEqual([]);
  }, 300_000);

  // ---------------------------------------------------------------------------------------------
  // What an answer may give away about children outside scope.

  it('answers a clientId already used on another child\'s record without naming that child', async () => {
    const manager = sessions.get('service-manager')!;
    const worker = sessions.get('social-worker')!;
    const clientId = randomUUID();
    const registration = (childId: string) => JSON.stringify({ type: 'child.registered', occurredAt: '2024-02-01', clientId, data: { forename: 'Hidden', surname: childId, dateOfBirth: '2016-05-02', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] } });
    // A child only the whole council's roles see (allocated to no one).
    const written = await app.inject({ method: 'POST', url: '/api/v1/children/UNSEEN1/events', headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrf, 'content-type': 'application/json' }, payload: registration('UNSEEN1') });
    expect(written.statusCode, written.body).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/v1/children/UNSEEN1', headers: { cookie: worker.cookie } })).statusCode).toBe(404);

    const reused = await app.inject({ method: 'POST', url: '/api/v1/children/PROBE1/events', headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'application/json' }, payload: registration('PROBE1') });
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().error.problems[0].field).toBe('clientId');
    expect(reused.body).not.toMatch(/UNSEEN1/);
  });

  it('treats % and _ in a name search as letters, not wildcards that list every child', async () => {
    const { cookie } = sessions.get('service-manager')!;
    const found = async (query: string) => ((await app.inject({ method: 'GET', url: `/api/v1/children?${query}`, headers: { cookie } })).json() as { children: { childId: string }[] }).children.map((child) => child.childId);
    expect(await found('surname=INS')).toContain(IN);
    for (const query of ['surname=%25', 'surname=%25%25', 'surname=_%25', 'forename=%25', 'surname=%25&forename=%25']) {
      expect(await found(query), query).toEqual([]);
    }
  });
});
