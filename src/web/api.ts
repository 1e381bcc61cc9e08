/**
 * The Safeguard API as the web app uses it. Every call sends the sign-in cookie, and every write
 * the session's CSRF token; a 401 from anything but signing in means the session has ended.
 */
import type { Permissions } from '../access/policy.ts';
import type { AccessAlert } from '../access/restricted-records.ts';
import type { SessionOut } from '../access/session-read-model.ts';

// The answers' shapes are the server's own types: imported as types only, so nothing server-side reaches the browser.
export type { AccessAlert, Permissions };

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
  // A form with a file goes as multipart/form-data, its boundary set by the browser.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method === 'POST' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
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
  /** Sends a form with a file (a document's upload), with the CSRF token as every write. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
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
export type AccountSession = SessionOut;
