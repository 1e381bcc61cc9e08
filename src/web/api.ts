/** The Safeguard API as the web app uses it. Every call sends the sign-in cookie. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[],
    readonly details: { status?: string; allowedActions?: string[] } = {},
  ) {
    super(message);
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = payload?.error ?? {};
    throw new ApiError(response.status, error.message ?? `The service answered ${response.status}`, error.problems ?? [], {
      status: error.status, allowedActions: error.allowedActions,
    });
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
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

export interface SignedInWorker {
  workerId: string;
  name: string;
  role: string;
  agency: string;
  teamId: string;
  teamName: string | null;
}

export interface Session {
  devSignIn: boolean;
  worker: SignedInWorker | null;
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
  visits: { visitedOn: string; kind: string; childSeen: boolean; seenAlone: boolean }[];
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

export interface ChildRecord {
  childId: string;
  status: string;
  allowedActions: string[];
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
  allocations: { workerId: string; teamId: string; startedOn: string; endedOn?: string }[];
  duties: Duty[];
  asAt: string;
}

export interface ChronologyEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  occurredOn: string;
  recordedAt: string;
  recordedBy: { userId: string; role: string; agency: string };
  supersedes?: string;
  correctionReason?: string;
  data: Record<string, unknown>;
  effective: boolean;
  voided: { byEventId: string; reason: string } | null;
  supersededBy: string | null;
}

export interface RecordedAnswer {
  event: { eventId: string; type: string };
  replayed: boolean;
  status: string;
  allowedActions: string[];
}
