/**
 * Signing in and sessions: passwords (argon2id), lockout with back-off, a one-time code as the
 * second factor for privileged roles, and server-side sessions with idle and absolute time-outs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { DomainError } from '../platform/errors.ts';
import type { Actor } from '../platform/request-context.ts';
import { decoyPasswordHash, passwordMatches } from './passwords.ts';
import type { Account, AccountRepository, StoredSession } from './repo.ts';
import { roleDefinitionOf } from './roles.ts';

export interface SessionSettings {
  /** Signed out after this long without a request. */
  idleMinutes: number;
  /** Signed out this long after signing in, however active. */
  absoluteHours: number;
  /** Wrong passwords or codes in a row before the account is locked for a while. */
  failuresBeforeLockout: number;
  /** The first lock lasts this long; each further failure doubles it, up to maxLockoutMinutes. */
  lockoutMinutes: number;
  maxLockoutMinutes: number;
}

export const defaultSessionSettings: SessionSettings = { idleMinutes: 30, absoluteHours: 10, failuresBeforeLockout: 5, lockoutMinutes: 1, maxLockoutMinutes: 60 };

/** A session as requests see it. `pendingSecondFactor`: signed in with a password, the code still to come. */
export interface ActiveSession {
  token: string;
  account: Account;
  actor: Actor;
  csrfToken: string;
  pendingSecondFactor: boolean;
  expiresAt: Date;
}

export interface SignInResult {
  session: ActiveSession;
  status: 'signed-in' | 'second-factor-required';
}

const WRONG_CREDENTIALS = 'The username or password is not right';
const hashOf = (token: string) => createHash('sha256').update(token).digest();
const newToken = () => randomBytes(32).toString('base64url');

export class SignInService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly settings: SessionSettings = defaultSessionSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** When a username may next try: undefined when it is not locked. */
  async lockedUntil(username: string): Promise<Date | undefined> {
    const { failures, lastFailureAt } = await this.accounts.findFailuresSinceLastSuccess(username);
    if (failures < this.settings.failuresBeforeLockout || !lastFailureAt) return undefined;
    const minutes = Math.min(this.settings.maxLockoutMinutes, this.settings.lockoutMinutes * 2 ** (failures - this.settings.failuresBeforeLockout));
    const until = new Date(lastFailureAt.getTime() + minutes * 60_000);
    return until > this.now() ? until : undefined;
  }

  async signIn(username: string, password: string, request: { remoteAddress?: string; correlationId: string }): Promise<SignInResult> {
    const locked = await this.lockedUntil(username);
    const account = await this.accounts.findAccountByUsername(username);
    if (locked) {
      await this.accounts.recordAttempt({ username, account, outcome: 'locked', ...request, at: this.now() });
      throw new DomainError('unauthenticated', `Too many attempts that were not right: try again after ${locked.toISOString().slice(11, 16)} UTC`, {
        details: { lockedUntil: locked.toISOString() },
      });
    }
    // Unknown usernames take as long as known ones, so timing does not tell which exist.
    const matches = await passwordMatches(account?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!account || !account.passwordHash || !matches) {
      await this.accounts.recordAttempt({ username, account, outcome: account ? 'wrong-password' : 'unknown-user', ...request, at: this.now() });
      throw new DomainError('unauthenticated', WRONG_CREDENTIALS, { problems: [{ field: 'password', message: WRONG_CREDENTIALS }] });
    }
    return this.startSession(account, username, request);
  }

  /**
   * Starts a session for an account whose identity is proven (by password, or by the council's identity provider).
   * `secondFactorProven`: the identity provider says it checked a second factor, so no one-time code is asked for.
   */
  async startSession(
    account: Account, username: string, request: { remoteAddress?: string; correlationId: string }, proof: { secondFactorProven?: boolean } = {},
  ): Promise<SignInResult> {
    if (account.disabled) {
      await this.accounts.recordAttempt({ username, account, outcome: 'disabled', ...request, at: this.now() });
      throw new DomainError('unauthenticated', 'This account is switched off: ask your administrator');
    }
    const needsCode = !proof.secondFactorProven && (account.totpSecret !== null || (roleDefinitionOf(account.role)?.needsSecondFactor ?? true));
    if (needsCode && account.totpSecret === null) {
      // A privileged role without an enrolled code cannot sign in: enrolment is an administrator's job.
      await this.accounts.recordAttempt({ username, account, outcome: 'wrong-code', ...request, at: this.now() });
      throw new DomainError('forbidden', `A ${account.role} signs in with a one-time code as well: ask your administrator to set one up`);
    }
    const now = this.now();
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + this.settings.absoluteHours * 3_600_000);
    await this.accounts.createSession({ sessionHash: hashOf(token), userId: account.userId, expiresAt, secondFactorAt: needsCode ? null : now, csrfToken, now });
    await this.accounts.recordAttempt({ username, account, outcome: needsCode ? 'second-factor-required' : 'signed-in', ...request, at: this.now() });
    return { status: needsCode ? 'second-factor-required' : 'signed-in', session: this.activeSession(token, account, csrfToken, needsCode, expiresAt) };
  }

  async verifySecondFactor(token: string, code: string, request: { remoteAddress?: string; correlationId: string }): Promise<ActiveSession> {
    const found = await this.findSession(token);
    if (!found) throw new DomainError('unauthenticated', 'Sign in again');
    const { account, stored } = found;
    const locked = await this.lockedUntil(account.username);
    if (locked) {
      await this.accounts.recordAttempt({ username: account.username, account, outcome: 'locked', ...request, at: this.now() });
      throw new DomainError('unauthenticated', `Too many attempts that were not right: try again after ${locked.toISOString().slice(11, 16)} UTC`);
    }
    // A code is good once: one of the step last used, or an earlier one (still within the drift
    // tolerance), is refused like a wrong code, and so is the loser of two sign-ins racing with it.
    const checked = account.totpSecret !== null && /^\d{6}$/.test(code)
      ? verifySync({ secret: account.totpSecret, token: code, epoch: Math.floor(this.now().getTime() / 1000), epochTolerance: 30, afterTimeStep: account.totpLastStep ?? undefined })
      : { valid: false as const };
    const step = checked.valid && 'timeStep' in checked ? checked.timeStep : undefined;
    const valid = step !== undefined && (await this.accounts.useSecondFactorStep(account.userId, step));
    if (!valid) {
      await this.accounts.recordAttempt({ username: account.username, account, outcome: 'wrong-code', ...request, at: this.now() });
      throw new DomainError('unauthenticated', 'The code is not right', { problems: [{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }] });
    }
    // A fresh token (and CSRF token) for the signed-in session: whoever saw or set the token before
    // the code was entered (a shared computer, a planted cookie) does not hold the session after it.
    const now = this.now();
    const signedInToken = newToken();
    const csrfToken = newToken();
    await this.accounts.createSession({ sessionHash: hashOf(signedInToken), userId: account.userId, expiresAt: stored.expiresAt, secondFactorAt: now, csrfToken, now });
    await this.accounts.endSession(stored.sessionHash, 'second-factor-entered', now);
    await this.accounts.recordAttempt({ username: account.username, account, outcome: 'signed-in', ...request, at: this.now() });
    return this.activeSession(signedInToken, account, csrfToken, false, stored.expiresAt);
  }

  /** Ends the session a browser held before it signed in again: one browser, one session. */
  async endReplacedSession(token: string): Promise<void> {
    await this.accounts.endSession(hashOf(token), 'replaced-by-sign-in', this.now());
  }

  /** The session a token belongs to, if it is still good; ends it if it has timed out. */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    const found = await this.findSession(token);
    if (!found) return undefined;
    const { account, stored } = found;
    const now = this.now();
    // Touch at most once a minute: a page makes several requests, the time-out needs no more.
    if (now.getTime() - stored.lastSeenAt.getTime() > 60_000) await this.accounts.touchSession(stored.sessionHash, now);
    return this.activeSession(token, account, stored.csrfToken, stored.secondFactorAt === null, stored.expiresAt);
  }

  async signOut(token: string): Promise<void> {
    await this.accounts.endSession(hashOf(token), 'signed-out', this.now());
  }

  /** A new one-time-code secret for an account, and the link an authenticator app reads (as a QR code). */
  static newSecondFactor(account: Pick<Account, 'username'>, issuer = 'Safeguard'): { secret: string; uri: string } {
    const secret = generateSecret();
    return { secret, uri: generateURI({ issuer, label: account.username, secret }) };
  }

  private async findSession(token: string): Promise<{ stored: StoredSession; account: Account } | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const stored = await this.accounts.findSession(hashOf(token));
    if (!stored || stored.endedAt) return undefined;
    const now = this.now();
    if (stored.expiresAt <= now) {
      await this.accounts.endSession(stored.sessionHash, 'expired', now);
      return undefined;
    }
    if (now.getTime() - stored.lastSeenAt.getTime() > this.settings.idleMinutes * 60_000) {
      await this.accounts.endSession(stored.sessionHash, 'idle', now);
      return undefined;
    }
    const account = await this.accounts.findAccountByUserId(stored.userId);
    if (!account || account.disabled) return undefined;
    return { stored, account };
  }

  private activeSession(token: string, account: Account, csrfToken: string, pendingSecondFactor: boolean, expiresAt: Date): ActiveSession {
    return { token, account, csrfToken, pendingSecondFactor, expiresAt, actor: { userId: account.userId, role: account.role, agency: account.agency } };
  }
}
