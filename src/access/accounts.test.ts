import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import type { Database } from '../platform/database/database.ts';
import type { DomainError } from '../platform/errors.ts';
import { addLocalAccount, type NewLocalAccount } from './accounts.ts';
import { passwordProblems } from './passwords.ts';
import { AccountRepository } from './repo.ts';

const newAccount = (changes: Partial<NewLocalAccount> = {}): NewLocalAccount => ({
  username: 'sam.worker', displayName: 'Sam Worker', role: 'social-worker', agency: 'childrens-social-care', teamId: 't-1', workerId: 'w-1', oidcSubject: null, ...changes,
});

describe('the password rule (NCSC: at least 12 characters, no common passwords, no composition rules)', () => {
  it.each([
    ['aaaaaaaaaaaa', 'one character repeated'],
    ['abcabcabcabc', 'a short piece repeated'],
    ['121212121212', 'two digits repeated'],
    ['passwordpassword', 'a common password repeated'],
    ['qwerty123456', 'on the common-password list'],
    ['QWERTY123456', 'on the list, in capitals'],
    ['1qaz2wsx3edc', 'a keyboard pattern on the list'],
    ['short words', 'under 12 characters'],
  ])('refuses %s (%s)', async (password) => {
    expect(await passwordProblems(password)).not.toEqual([]);
  });

  it.each(['correct horse battery staple', 'purple tractor umbrella', 'lowercaseonlyisfine'])('accepts %s, whatever characters it mixes', async (password) => {
    expect(await passwordProblems(password)).toEqual([]);
  });
});

describe.each(testDatabaseTargets)('adding a local account on $name', (target) => {
  let db: Database;
  let accounts: AccountRepository;

  beforeAll(async () => {
    db = await target.open();
    accounts = new AccountRepository(db, '206');
    await db.pool.query(`INSERT INTO team (la_code, team_id, name, service) VALUES ('206', 't-1', 'Team One', 'children-in-need')`);
    await db.pool.query(`INSERT INTO worker (la_code, worker_id, name, role, team_id, agency, started_on) VALUES ('206', 'w-1', 'Sam Worker', 'social-worker', 't-1', 'childrens-social-care', '2020-01-01')`);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('refuses a common password, an unknown team, worker and role, naming each, and adds nothing', async () => {
    const refused = await addLocalAccount(accounts, newAccount({ role: 'overlord', teamId: 'no-such-team', workerId: 'no-such-worker' }), 'aaaaaaaaaaaa')
      .then(() => undefined, (error: DomainError) => error);
    expect(refused?.code).toBe('invalid');
    expect(refused?.problems.map((problem) => problem.field).sort()).toEqual(['password', 'role', 'team', 'worker']);
    expect(await accounts.findAccountByUsername('sam.worker')).toBeUndefined();
  });

  it('adds an account with a good password and a team and worker the council has', async () => {
    const added = await addLocalAccount(accounts, newAccount(), 'correct horse battery staple');
    expect(added).toMatchObject({ username: 'sam.worker', teamId: 't-1', workerId: 'w-1' });
    expect((await accounts.findAccountByUsername('Sam.Worker'))?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
