/**
 * Adding a local account: every way a password is set goes through here, so the password rule
 * (passwords.ts) and the checks on role, team and worker hold for all of them.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, type FieldProblem } from '../platform/errors.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import type { Account, AccountRepository, AuditedBy } from './repo.ts';
import { roleNames } from './roles.ts';

/** What an administrator gives for a new account: the password is hashed here, the user id made here. */
export type NewLocalAccount = Pick<Account, 'username' | 'displayName' | 'role' | 'agency' | 'teamId' | 'workerId' | 'oidcSubject'>;

/** Adds the account, or refuses it naming every bad field (nothing is written). */
/** `auditAs`: who adds it (the command line's operator), named in the audit row. */
export async function addLocalAccount(accounts: AccountRepository, account: NewLocalAccount, password: string, auditAs?: AuditedBy): Promise<Account> {
  const problems: FieldProblem[] = [];
  if (!(roleNames as readonly string[]).includes(account.role)) problems.push({ field: 'role', message: `Must be one of: ${roleNames.join(', ')}` });
  for (const message of await passwordProblems(password)) problems.push({ field: 'password', message });
  if (account.teamId !== null && !(await accounts.teamExists(account.teamId))) problems.push({ field: 'team', message: `No team with id ${account.teamId}` });
  if (account.workerId !== null && !(await accounts.workerExists(account.workerId))) problems.push({ field: 'worker', message: `No worker with id ${account.workerId}` });
  if (problems.length > 0) throw DomainError.invalid(problems, 'The account was not added');
  return accounts.createAccount({ ...account, userId: randomUUID(), passwordHash: await hashPassword(password) }, auditAs);
}
