import type pg from 'pg';
import { writeAudit } from '../platform/audit/audit.ts';
import type { Database } from '../platform/database/database.ts';
import type { Actor } from '../platform/request-context.ts';

export interface Account {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  agency: string;
  teamId: string | null;
  workerId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  /** Time step of the last one-time code accepted: that code and earlier ones are not accepted again. */
  totpLastStep: number | null;
  oidcSubject: string | null;
  disabled: boolean;
}

export interface StoredSession {
  sessionHash: Buffer;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  secondFactorAt: Date | null;
  csrfToken: string;
  endedAt: Date | null;
}

export type SignInOutcome = 'signed-in' | 'second-factor-required' | 'wrong-password' | 'wrong-code' | 'unknown-user' | 'locked' | 'disabled'
  /** The identity provider's answer proved no one (tampered, replayed, expired or refused there). */
  | 'identity-not-proven';

const accountColumns = `user_id, username, display_name, role, agency, team_id, worker_id, password_hash, totp_secret, totp_last_step, oidc_subject, disabled_at`;

function accountOf(row: Record<string, unknown>): Account {
  return {
    userId: row.user_id as string, username: row.username as string, displayName: row.display_name as string, role: row.role as string,
    agency: row.agency as string, teamId: row.team_id as string | null, workerId: row.worker_id as string | null,
    passwordHash: row.password_hash as string | null, totpSecret: row.totp_secret as string | null,
    totpLastStep: row.totp_last_step === null || row.totp_last_step === undefined ? null : Number(row.totp_last_step), oidcSubject: row.oidc_subject as string | null,
    disabled: row.disabled_at !== null,
  };
}

/** Who changes an account outside a request (the command line's operator), for its audit row. */
export interface AuditedBy {
  actor: Actor;
  correlationId: string;
}

/** Accounts, sign-in attempts and sessions of one council. Sign-ins and refusals are audited here. */
export class AccountRepository {
  constructor(
    private readonly db: Database,
    private readonly laCode: string,
  ) {}

  private get pool(): Pick<pg.Pool, 'query'> {
    return this.db.pool;
  }

  /** Adds an account; given who adds it (the command line's operator), audits that. */
  async createAccount(account: Omit<Account, 'disabled' | 'totpSecret' | 'totpLastStep'> & { totpSecret?: string | null }, auditAs?: AuditedBy): Promise<Account> {
    const result = await this.pool.query(
      `INSERT INTO user_account (la_code, user_id, username, display_name, role, agency, team_id, worker_id, password_hash, totp_secret, oidc_subject, created_at)
       VALUES ($1, $2, lower($3), $4, $5, $6, $7, $8, $9, $10, $11, now()) RETURNING ${accountColumns}`,
      [this.laCode, account.userId, account.username, account.displayName, account.role, account.agency, account.teamId, account.workerId,
        account.passwordHash, account.totpSecret ?? null, account.oidcSubject],
    );
    if (auditAs) await this.auditAccountChange(auditAs, 'user-account', account.userId, { username: account.username.toLowerCase(), role: account.role });
    return accountOf(result.rows[0]!);
  }

  /** Whether the council has a team with this id (an account's team must be one of its teams). */
  async teamExists(teamId: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM team WHERE la_code = $1 AND team_id = $2', [this.laCode, teamId])).rowCount === 1;
  }

  /** Whether the council has a worker record with this id (an account's caseload is that worker's). */
  async workerExists(workerId: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM worker WHERE la_code = $1 AND worker_id = $2', [this.laCode, workerId])).rowCount === 1;
  }

  private auditAccountChange(auditAs: AuditedBy, resource: string, userId: string, detail: Record<string, unknown>): Promise<void> {
    return writeAudit(this.pool, {
      laCode: this.laCode, actor: auditAs.actor, correlationId: auditAs.correlationId, action: 'write', resource, outcome: 'ok', detail: { userId, ...detail },
    });
  }

  async findAccountByUsername(username: string): Promise<Account | undefined> {
    const result = await this.pool.query(`SELECT ${accountColumns} FROM user_account WHERE la_code = $1 AND username = lower($2)`, [this.laCode, username]);
    return result.rows[0] ? accountOf(result.rows[0]) : undefined;
  }

  async findAccountByUserId(userId: string): Promise<Account | undefined> {
    const result = await this.pool.query(`SELECT ${accountColumns} FROM user_account WHERE la_code = $1 AND user_id = $2`, [this.laCode, userId]);
    return result.rows[0] ? accountOf(result.rows[0]) : undefined;
  }

  async findAccountByOidcSubject(subject: string): Promise<Account | undefined> {
    const result = await this.pool.query(`SELECT ${accountColumns} FROM user_account WHERE la_code = $1 AND oidc_subject = $2`, [this.laCode, subject]);
    return result.rows[0] ? accountOf(result.rows[0]) : undefined;
  }

  /** Sets an account's one-time-code secret; given who sets it, audits that (never the secret). */
  async setSecondFactorSecret(userId: string, secret: string, auditAs?: AuditedBy): Promise<void> {
    // A new secret: no code of it has been used yet.
    await this.pool.query('UPDATE user_account SET totp_secret = $3, totp_last_step = NULL WHERE la_code = $1 AND user_id = $2', [this.laCode, userId, secret]);
    if (auditAs) await this.auditAccountChange(auditAs, 'user-account:second-factor', userId, {});
  }

  /**
   * Takes a one-time code's time step as used, if no code of that step or a later one was used
   * before. One statement, so two sign-ins racing with the same code cannot both have it.
   */
  async useSecondFactorStep(userId: string, step: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE user_account SET totp_last_step = $3
        WHERE la_code = $1 AND user_id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)`,
      [this.laCode, userId, step],
    );
    return result.rowCount === 1;
  }

  /** Records an attempt and audits it: a success as a sign-in, anything else as a refusal. */
  async recordAttempt(attempt: { username: string; account?: Account; outcome: SignInOutcome; at: Date; remoteAddress?: string; correlationId: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO sign_in_attempt (la_code, username, user_id, attempted_at, outcome, remote_address) VALUES ($1, lower($2), $3, $6, $4, $5)`,
      [this.laCode, attempt.username, attempt.account?.userId ?? null, attempt.outcome, attempt.remoteAddress ?? null, attempt.at],
    );
    const succeeded = attempt.outcome === 'signed-in' || attempt.outcome === 'second-factor-required';
    await writeAudit(this.pool, {
      laCode: this.laCode,
      actor: attempt.account
        ? { userId: attempt.account.userId, role: attempt.account.role, agency: attempt.account.agency }
        : { userId: `unknown:${attempt.username.slice(0, 40)}`, role: 'none', agency: 'none' },
      action: succeeded ? 'write' : 'refused', resource: 'sign-in', outcome: attempt.outcome, correlationId: attempt.correlationId,
      detail: { remoteAddress: attempt.remoteAddress ?? null },
    });
  }

  /**
   * Wrong passwords and codes since the username last signed in, and when the last one was. A name
   * no account has counts its attempts the same way, so it locks as a real one would and lockout
   * does not tell which names exist.
   */
  async findFailuresSinceLastSuccess(username: string): Promise<{ failures: number; lastFailureAt: Date | null }> {
    const result = await this.pool.query(
      `SELECT count(*) AS failures, max(attempted_at) AS last_failure_at FROM sign_in_attempt
        WHERE la_code = $1 AND username = lower($2) AND outcome IN ('wrong-password', 'wrong-code', 'unknown-user')
          AND attempt_id > coalesce((SELECT max(attempt_id) FROM sign_in_attempt
                                      WHERE la_code = $1 AND username = lower($2) AND outcome = 'signed-in'), 0)`,
      [this.laCode, username],
    );
    return { failures: Number(result.rows[0].failures), lastFailureAt: result.rows[0].last_failure_at as Date | null };
  }

  async createSession(session: Omit<StoredSession, 'endedAt' | 'lastSeenAt' | 'createdAt'> & { now: Date }): Promise<void> {
    await this.pool.query(
      `INSERT INTO user_session (la_code, session_hash, user_id, created_at, last_seen_at, expires_at, second_factor_at, csrf_token)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      [this.laCode, session.sessionHash, session.userId, session.now, session.expiresAt, session.secondFactorAt, session.csrfToken],
    );
  }

  async findSession(sessionHash: Buffer): Promise<StoredSession | undefined> {
    const result = await this.pool.query(
      `SELECT session_hash, user_id, created_at, last_seen_at, expires_at, second_factor_at, csrf_token, ended_at
         FROM user_session WHERE la_code = $1 AND session_hash = $2`,
      [this.laCode, sessionHash],
    );
    const row = result.rows[0];
    return row
      ? {
        sessionHash: row.session_hash, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at,
        secondFactorAt: row.second_factor_at, csrfToken: row.csrf_token, endedAt: row.ended_at,
      }
      : undefined;
  }

  async touchSession(sessionHash: Buffer, now: Date): Promise<void> {
    await this.pool.query('UPDATE user_session SET last_seen_at = $3 WHERE la_code = $1 AND session_hash = $2 AND ended_at IS NULL', [this.laCode, sessionHash, now]);
  }

  async endSession(sessionHash: Buffer, reason: string, now: Date): Promise<void> {
    await this.pool.query(
      'UPDATE user_session SET ended_at = $3, end_reason = $4 WHERE la_code = $1 AND session_hash = $2 AND ended_at IS NULL',
      [this.laCode, sessionHash, now, reason],
    );
  }
}
