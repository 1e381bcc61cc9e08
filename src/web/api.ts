/**
 * The Safeguard API as the web app uses it. Every call sends the sign-in cookie, and every write
 * the session's CSRF token; a 401 from anything but signing in means the session has ended.
 */
import type { Permissions } from '../access/policy.ts';
import type { AccessAlert } from '../access/restricted-records.ts';
import type { AccessAnomaly, RecordAccess } from '../access/access-log.ts';
import type { AuditChainReport } from '../platform/audit-chain-report.ts';

// The answers' shapes are the server's own types: imported as types only, so nothing server-side reaches the browser.
export type { AccessAlert, AccessAnomaly, AuditChainReport, Permissions, RecordAccess };

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[],
    readonly details: { status?: string; allowedActions?: string[]; restricted?: boolean } = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let signedOutHandler: (() => void) | undefined;

/** The CSRF token of the current session, sent with every write (GET /api/v1/session gives it). */
export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when a request finds the session ended (timed out, or signed out elsewhere). */
export function whenSignedOut(handler: (() => void) | undefined): void {
  signedOutHandler = handler;
}

/** Signing in answers 401 for a wrong password or code: that is the form's error, not an ended session. */
const signInPaths = ['/sign-in', '/sign-in/second-factor', '/session', '/sign-out'];

/** `quiet`: a 401 is expected (asking before anyone is known to be signed in) and ends no session. */
async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, options: { quiet?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = payload?.error ?? {};
    if (response.status === 401 && !options.quiet && !signInPaths.includes(path.split('?')[0]!)) signedOutHandler?.();
    throw new ApiError(response.status, error.message ?? `The service answered ${response.status}`, error.problems ?? [], {
      status: error.status, allowedActions: error.allowedActions, restricted: error.restricted === true,
    });
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: { quiet?: boolean }) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
};

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Worker {
  workerId: string;
  name: string;
  role: string;
  teamId: string;
  agency: string;
  startedOn: string;
  leftOn?: string;
  caseload: number;
}

export interface Team {
  teamId: string;
  name: string;
  service: string;
}

/** A worker chosen at development sign-in. */
export interface SignedInWorker {
  workerId: string;
  name: string;
  role: string;
  agency: string;
  teamId: string;
  teamName: string | null;
  permissions: Permissions;
}

export interface DevSession {
  devSignIn: boolean;
  worker: SignedInWorker | null;
}

/** GET /api/v1/session: who is signed in with an account, and how one may sign in here. */
export interface AccountSession {
  signedIn: boolean;
  pendingSecondFactor: boolean;
  user: { userId: string; displayName: string; role: string; roleTitle: string; agency: string; teamId: string | null; workerId: string | null; permissions: Permissions } | null;
  csrfToken: string | null;
  expiresAt: string | null;
  singleSignOn: boolean;
  devSignIn: boolean;
}

export interface DueItem {
  childId: string;
  childName: string;
  ruleId: string;
  title: string;
  source: string;
  subjectId: string;
  occurrence: number;
  startedOn: string;
  dueOn: string;
  dueAt?: string;
  state: string;
  daysLeft?: number;
  lateBy?: number;
  unit: string;
  workerId: string | null;
  teamId: string | null;
}

export interface DueList {
  asAt: string;
  summary: { open: number; overdue: number };
  duties: DueItem[];
}

export interface ChildListItem {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: string;
  ethnicity: string;
  status: string;
  allocatedWorkerId: string | null;
  allocatedTeamId: string | null;
}

export interface RelatedChild {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  status: string;
  links: ('sibling' | 'household')[];
}

export interface Duty {
  ruleId: string;
  subjectId: string;
  occurrence: number;
  startedOn: string;
  dueOn: string;
  state: string;
  daysLeft?: number;
  lateBy?: number;
  title?: string;
}

export interface Episode {
  episodeId: string;
  referralOn: string;
  source: string;
  assessments: { assessmentId: string; startedOn: string; completedOn?: string; factors?: string[]; outcome?: string }[];
  cinPlans: { cinPlanId: string; startedOn: string; endedOn?: string }[];
  strategyDiscussions: { strategyDiscussionId: string; heldOn: string; decision: string }[];
  section47s: { section47Id: string; startedOn: string; completedOn?: string; outcome?: string; icpcRequired?: boolean; icpcOn?: string }[];
  initialConferences: { conferenceId: string; heldOn: string; planRequired: boolean }[];
  cpPlans: ChildProtectionPlan[];
  /** Absent from a partner agency's view of the record. */
  visits?: { visitedOn: string; kind: string; childSeen: boolean; seenAlone: boolean }[];
  closedOn?: string;
  reasonForClosure?: string;
  primaryNeed?: string;
}

export interface ChildProtectionPlan {
  planId: string;
  startedOn: string;
  initialCategory: string;
  latestCategory: string;
  numberOfPreviousPlans: number;
  reviewConferences: string[];
  coreGroups: string[];
  endedOn?: string;
  endReason?: string;
}

/**
 * A child's record as the API gives it: the whole record, or (`view: 'partner'`) a partner
 * agency's view, which leaves out what src/record/partner-view.ts does not name: the fields
 * marked optional here for that reason are absent from it.
 */
export interface ChildRecord {
  view?: 'partner';
  childId: string;
  status: string;
  /** Absent from the partner view: a partner agency does not record. */
  allowedActions?: string[];
  details?: {
    forename: string;
    surname: string;
    dateOfBirth?: string;
    expectedDateOfBirth?: string;
    sex: string;
    ethnicity: string;
    nhsNumber?: string;
    upn?: string;
    disabilities?: string[];
    firstLanguage?: string;
    address?: { line1?: string; postcode?: string };
  };
  allocation: { workerId: string; teamId: string; startedOn: string } | null;
  openEpisode: Episode | null;
  activeChildProtectionPlan: ChildProtectionPlan | null;
  episodes: Episode[];
  contacts: { contactId: string; receivedOn: string; source: string; primaryReason: string; decision?: string; decidedOn?: string; mashChecks: { agency: string; requestedOn?: string; completedOn?: string }[] }[];
  relationships: { relationshipId: string; relationship: string; relatedChildId?: string; relatedPerson?: { name: string; dateOfBirth?: string }; parentalResponsibility: boolean; livesWithChild: boolean; recordedOn: string; endedOn?: string }[];
  households: { householdId: string; joinedOn: string; leftOn?: string }[];
  /** Absent from the partner view: the history of allocation is the council's own. */
  allocations?: { workerId: string; teamId: string; startedOn: string; endedOn?: string }[];
  duties: Duty[];
  asAt: string;
}

export interface ChronologyEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  occurredOn: string;
  recordedAt: string;
  /** Absent from the partner view, with the reasons for corrections and voids. */
  recordedBy?: { userId: string; role: string; agency: string };
  supersedes?: string;
  correctionReason?: string;
  data: Record<string, unknown>;
  effective: boolean;
  voided: { byEventId: string; reason?: string } | null;
  supersededBy: string | null;
}

export interface RecordedAnswer {
  event: { eventId: string; type: string };
  replayed: boolean;
  status: string;
  allowedActions: string[];
}
