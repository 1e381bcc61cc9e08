import { chainAwaitingAudit } from '../platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import type { Database } from '../platform/database/database.ts';
import type { DomainError } from '../platform/errors.ts';
import { hashPassword } from './passwords.ts';
import { AccountRepository } from './repo.ts';
import { SignInService } from './sign-in.ts';

const request = () => ({ remoteAddress: '127.0.0.1', correlationId: randomUUID() });

/** A clock the test moves by hand. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

describe.each(testDatabaseTargets)('signing in on $name', (target) => {
  let db: Database;
  let accounts: AccountRepository;
  let secret: string;

  beforeAll(async () => {
    db = await target.open();
    accounts = new AccountRepository(db, '206');
    const passwordHash = await hashPassword('correct horse battery staple');
    await accounts.createAccount({ userId: 'sw-1', username: 'Sam.Worker', displayName: 'Sam Worker', role: 'social-worker', agency: 'childrens-social-care', teamId: 't-1', workerId: 'w-1', passwordHash, oidcSubject: null });
    secret = SignInService.newSecondFactor({ username: 'tess.manager' }).secret;
    await accounts.createAccount({ userId: 'tm-1', username: 'tess.manager', displayName: 'Tess Manager', role: 'team-manager', agency: 'childrens-social-care', teamId: 't-1', workerId: 'w-2', passwordHash, oidcSubject: null, totpSecret: secret });
    await accounts.createAccount({ userId: 'ad-1', username: 'ada.admin', displayName: 'Ada Admin', role: 'administrator', agency: 'childrens-social-care', teamId: null, workerId: null, passwordHash, oidcSubject: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('signs in with the right password (any case of username), keeps the session while used, and times it out when idle or too old', async () => {
    const time = clock('2024-03-04T09:00:00Z');
    const service = new SignInService(accounts, undefined, time.now);
    const { status, session } = await service.signIn('SAM.WORKER', 'correct horse battery staple', request());
    expect(status).toBe('signed-in');
    expect(session.actor).toEqual({ userId: 'sw-1', role: 'social-worker', agency: 'childrens-social-care' });
    time.advance(29);
    expect((await service.resolve(session.token))?.account.userId).toBe('sw-1');
    time.advance(29); // 29 minutes since the last request: still in
    expect(await service.resolve(session.token)).toBeDefined();
    time.advance(31); // idle too long
    expect(await service.resolve(session.token)).toBeUndefined();

    const second = (await service.signIn('sam.worker', 'correct horse battery staple', request())).session;
    for (let i = 0; i < 40; i += 1) {
      time.advance(15);
      if (i < 39) expect(await service.resolve(second.token), `after ${(i + 1) * 15} minutes`).toBeDefined();
    }
    expect(await service.resolve(second.token)).toBeUndefined(); // ten hours since signing in
    expect(await service.resolve('not-a-token')).toBeUndefined();
  });

  it('refuses a wrong password and an unknown user alike, locks after five failures with a doubling back-off, and audits each attempt', async () => {
    const time = clock('2024-03-05T09:00:00Z');
    const service = new SignInService(accounts, undefined, time.now);
    const unknown = await service.signIn('nobody', 'whatever it is', request()).catch((error) => error);
    const wrong = await service.signIn('sam.worker', 'wrong password!', request()).catch((error) => error);
    expect(unknown.message).toBe(wrong.message);
    for (let i = 0; i < 4; i += 1) await expect(service.signIn('sam.worker', 'wrong password!', request())).rejects.toThrow(/not right/);
    // Five failures: locked for a minute, even with the right password.
    await expect(service.signIn('sam.worker', 'correct horse battery staple', request())).rejects.toThrow(/try again after 09:01/);
    time.advance(1.5);
    await expect(service.signIn('sam.worker', 'wrong password!', request())).rejects.toThrow(/not right/);
    // Six failures: two minutes.
    await expect(service.signIn('sam.worker', 'correct horse battery staple', request())).rejects.toThrow(/try again after 09:03/);
    time.advance(2.5);
    expect((await service.signIn('sam.worker', 'correct horse battery staple', request())).status).toBe('signed-in');
    // A success resets the count.
    expect(await service.lockedUntil('sam.worker')).toBeUndefined();

    await chainAwaitingAudit(db.pool);
    const audited = await db.pool.query(`SELECT action, outcome FROM audit_event WHERE resource = 'sign-in' AND user_id IN ('sw-1', 'unknown:nobody') ORDER BY audit_id`);
    expect(audited.rows.filter((r) => r.action === 'refused').map((r) => r.outcome)).toEqual(
      expect.arrayContaining(['unknown-user', 'wrong-password', 'locked']),
    );
    expect(audited.rows.filter((r) => r.outcome === 'signed-in').length).toBeGreaterThanOrEqual(1);
  });

  it('asks a privileged role for a one-time code, and refuses one without a code set up', async () => {
    const time = clock('2024-03-06T09:00:00Z');
    const service = new SignInService(accounts, undefined, time.now);
    const { status, session } = await service.signIn('tess.manager', 'correct horse battery staple', request());
    expect(status).toBe('second-factor-required');
    expect((await service.resolve(session.token))?.pendingSecondFactor).toBe(true);
    await expect(service.verifySecondFactor(session.token, '000000', request())).rejects.toThrow(/code is not right/);
    const code = generateSync({ secret, epoch: Math.floor(time.now().getTime() / 1000) });
    const verified = await service.verifySecondFactor(session.token, code, request());
    expect(verified.pendingSecondFactor).toBe(false);
    // Signed in under a fresh token: the one that waited for the code is ended.
    expect(verified.token).not.toBe(session.token);
    expect((await service.resolve(verified.token))?.pendingSecondFactor).toBe(false);
    expect(await service.resolve(session.token)).toBeUndefined();

    await expect(service.signIn('ada.admin', 'correct horse battery staple', request())).rejects.toThrow(/one-time code as well/);
  });

  it('locks a name no account has exactly as it locks a real one, so lockout does not tell which names exist', async () => {
    const time = clock('2024-03-08T14:00:00Z');
    const service = new SignInService(accounts, undefined, time.now);
    await accounts.createAccount({ userId: 'rr-1', username: 'rita.real', displayName: 'Rita Real', role: 'social-worker', agency: 'childrens-social-care', teamId: 't-1', workerId: 'w-3', passwordHash: await hashPassword('correct horse battery staple'), oidcSubject: null });
    const answer = async (username: string, password: string) => {
      const error = await service.signIn(username, password, request()).then(() => undefined, (refused: DomainError) => refused);
      return error && { code: error.code, message: error.message, problems: error.problems, details: error.details };
    };
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const real = await answer('rita.real', 'wrong password!');
      const unknown = await answer('no.such.person', 'wrong password!');
      expect(unknown, `attempt ${attempt}`).toEqual(real);
      if (attempt > 5) expect(real?.message, `attempt ${attempt}`).toMatch(/Too many attempts/);
      if (attempt === 5) time.advance(0.5); // locked now: the same wait for both
    }
    expect(await service.lockedUntil('no.such.person')).toEqual(await service.lockedUntil('rita.real'));
    // Once the lock has passed, the real name signs in with its password; the count starts again.
    time.advance(60);
    expect((await service.signIn('rita.real', 'correct horse battery staple', request())).status).toBe('signed-in');
  });

  it('accepts a one-time code once: not again, nor an earlier one, nor twice at the same moment', async () => {
    const time = clock('2024-03-09T10:00:05Z');
    const service = new SignInService(accounts, undefined, time.now);
    const ownSecret = SignInService.newSecondFactor({ username: 'tom.manager' }).secret;
    await accounts.createAccount({ userId: 'tm-2', username: 'tom.manager', displayName: 'Tom Manager', role: 'team-manager', agency: 'childrens-social-care', teamId: 't-1', workerId: 'w-4', passwordHash: await hashPassword('correct horse battery staple'), oidcSubject: null, totpSecret: ownSecret });
    const codeAt = (offsetSeconds: number) => generateSync({ secret: ownSecret, epoch: Math.floor(time.now().getTime() / 1000) + offsetSeconds });
    const pending = async () => (await service.signIn('tom.manager', 'correct horse battery staple', request())).session.token;

    const code = codeAt(0);
    const earlier = codeAt(-30); // within the clock-drift tolerance, so good until a later one is used
    expect((await service.verifySecondFactor(await pending(), code, request())).pendingSecondFactor).toBe(false);
    // The same code, to finish a second and a third sign-in: refused.
    await expect(service.verifySecondFactor(await pending(), code, request())).rejects.toThrow(/code is not right/);
    time.advance(0.25);
    await expect(service.verifySecondFactor(await pending(), code, request())).rejects.toThrow(/code is not right/);
    await expect(service.verifySecondFactor(await pending(), earlier, request())).rejects.toThrow(/code is not right/);

    // The next code is good, once, even when two sign-ins send it at the same moment.
    time.advance(0.5);
    const next = codeAt(0);
    const [first, second] = [await pending(), await pending()];
    const outcomes = await Promise.allSettled([service.verifySecondFactor(first, next, request()), service.verifySecondFactor(second, next, request())]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('ends a session on signing out', async () => {
    const service = new SignInService(accounts);
    const { session } = await service.signIn('sam.worker', 'correct horse battery staple', request());
    await service.signOut(session.token);
    expect(await service.resolve(session.token)).toBeUndefined();
  });
});
