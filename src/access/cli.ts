/**
 * `safeguard user`: local accounts, for an administrator on the server.
 *
 *   SAFEGUARD_NEW_PASSWORD=… safeguard user add --username sam.worker --name "Sam Worker" --role social-worker [--team t-1] [--worker w-1]
 *   safeguard user second-factor sam.worker      a new one-time-code secret and its otpauth:// link
 *
 * The password comes from SAFEGUARD_NEW_PASSWORD, never from the command line (which other users
 * of the machine can see).
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { CommandDependencies, CommandSettings } from '../platform/command-line.ts';
import { DomainError } from '../platform/errors.ts';
import { addLocalAccount } from './accounts.ts';
import { AccountRepository, type AuditedBy } from './repo.ts';
import { roleNames } from './roles.ts';
import { SignInService } from './sign-in.ts';

export function registerUserCommand<Settings extends CommandSettings>(program: Command, deps: CommandDependencies<Settings>): void {
  const user = program.command('user').description('Local accounts: add one, set up its one-time code');
  const withAccounts = async (work: (accounts: AccountRepository, operator: AuditedBy) => Promise<void>) => {
    const config = deps.loadConfig();
    const db = await deps.openDatabase(config);
    try {
      await work(new AccountRepository(db, config.laCode), { actor: config.operator, correlationId: randomUUID() });
    } finally {
      await db.close();
    }
  };

  user.command('add').description('Add a local account (password from SAFEGUARD_NEW_PASSWORD)')
    .requiredOption('--username <name>')
    .requiredOption('--name <display name>')
    .requiredOption('--role <role>', roleNames.join(', '))
    .option('--agency <agency>', 'the agency the person works for', 'childrens-social-care')
    .option('--team <teamId>')
    .option('--worker <workerId>', 'the worker record (caseload) this person is')
    .option('--oidc-subject <sub>', 'their subject at the council\'s identity provider, for single sign-on')
    .action((options: { username: string; name: string; role: string; agency: string; team?: string; worker?: string; oidcSubject?: string }) => withAccounts(async (accounts, operator) => {
      const account = await addLocalAccount(accounts, {
        username: options.username, displayName: options.name, role: options.role, agency: options.agency,
        teamId: options.team ?? null, workerId: options.worker ?? null, oidcSubject: options.oidcSubject ?? null,
      }, process.env.SAFEGUARD_NEW_PASSWORD ?? '', operator).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        // Each bad field under the name the administrator gave it.
        const option = (field: string) => (field === 'password' ? 'SAFEGUARD_NEW_PASSWORD' : `--${field}`);
        throw new Error(`${error.message}: ${error.problems.map((problem) => `${option(problem.field)}: ${problem.message}`).join('; ')}`);
      });
      process.stdout.write(`Added ${account.username} (${account.role}), user id ${account.userId}\n`);
    }));

  user.command('second-factor').argument('<username>').description('Set up a new one-time code for an account: prints the link for an authenticator app')
    .action((username: string) => withAccounts(async (accounts, operator) => {
      const account = await accounts.findAccountByUsername(username);
      if (!account) throw new Error(`No account ${username}`);
      const { secret, uri } = SignInService.newSecondFactor(account);
      await accounts.setSecondFactorSecret(account.userId, secret, operator);
      process.stdout.write(`${uri}\n`);
    }));
}
