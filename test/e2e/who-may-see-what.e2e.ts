/**
 * Who may see what, in the browser, with development sign-in off: sign-in with a password and a
 * one-time code, a wrong password, a manager restricting a record, a colleague breaking the glass,
 * the record's access log, the allocated worker's alert, the session timing out, the audit page,
 * and each role offered only what it may do. Every page is checked with axe (WCAG 2.2 AA).
 */
import type { Browser, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/access/passwords.ts';
import { AccountRepository } from '../../src/access/repo.ts';
import { SignInService } from '../../src/access/sign-in.ts';
import type { Role } from '../../src/access/roles.ts';
import { checkPage, openDesktopPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

interface Person { username: string; userId: string; role: Role; secret: string | null }
const people: Record<string, Person> = {};
/** The restricted child, allocated to the worker behind `allocated`; another child of theirs stays open. */
let restrictedChild: string;
let openChild: string;
/** A child the police see whatever the day: shared with them for their own contact, which is still open. */
let sharedWithPolice: string;

async function addAccount(username: string, role: Role, options: { workerId?: string | null; teamId?: string | null; agency?: string } = {}): Promise<void> {
  const secret = ['team-manager', 'administrator', 'performance-analyst'].includes(role) ? SignInService.newSecondFactor({ username }).secret : null;
  const userId = `u-${username}`;
  await new AccountRepository(server.db, '206').createAccount({
    userId, username, displayName: username.replace(/\./g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()), role, agency: options.agency ?? 'childrens-social-care',
    teamId: options.teamId ?? null, workerId: options.workerId ?? null, passwordHash: await hashPassword(PASSWORD), oidcSubject: null, totpSecret: secret,
  });
  people[username] = { username, userId, role, secret };
}

beforeAll(async () => {
  server = await startServer({ children: 300, env: { SAFEGUARD_DEV_SIGN_IN: 'off', SAFEGUARD_SIGN_INS_PER_MINUTE: '100' } });
  // Two children allocated to one worker whose team has another current social worker.
  const found = await server.db.pool.query(
    `SELECT a.worker_id, a.team_id, array_agg(a.child_id ORDER BY a.child_id) AS children,
            (SELECT o.worker_id FROM worker o WHERE o.la_code = a.la_code AND o.team_id = a.team_id AND o.worker_id <> a.worker_id AND o.left_on IS NULL ORDER BY o.worker_id LIMIT 1) AS colleague
       FROM allocation a JOIN worker w ON w.la_code = a.la_code AND w.worker_id = a.worker_id
      WHERE a.ended_on IS NULL AND w.left_on IS NULL AND w.role = 'social-worker'
      GROUP BY a.la_code, a.worker_id, a.team_id HAVING count(*) >= 2 ORDER BY a.worker_id`,
  );
  const row = found.rows.find((r) => r.colleague)!;
  [restrictedChild, openChild] = row.children as [string, string];
  const shared = await server.db.pool.query(
    `SELECT child_id FROM partner_sharing WHERE la_code = '206' AND agency = 'police' AND reason = 'own-contact' AND ended_on IS NULL AND child_id <> $1 ORDER BY child_id LIMIT 1`,
    [restrictedChild],
  );
  sharedWithPolice = shared.rows[0]!.child_id as string;
  await addAccount('sam.allocated', 'social-worker', { workerId: row.worker_id, teamId: row.team_id });
  await addAccount('val.colleague', 'social-worker', { workerId: row.colleague, teamId: row.team_id });
  await addAccount('tess.manager', 'team-manager', { teamId: row.team_id });
  await addAccount('ada.admin', 'administrator');
  await addAccount('pat.analyst', 'performance-analyst');
  await addAccount('sid.scrutineer', 'independent-scrutineer');
  await addAccount('pc.police', 'police-officer', { agency: 'police' });
  ({ browser, page } = await openDesktopPage(pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const errorSummary = () => page.locator('.govuk-error-summary');
const navigationTexts = async (on: Page = page) => (await on.locator('.govuk-service-navigation__list a').allTextContents()).map((text) => text.trim());
/** The council's own worklists and pages, never offered to a partner agency. */
const councilOnly = ['Access requests', 'Search case notes', 'Supervision', 'IRO reviews', 'Adoption', 'Youth justice', 'My care leavers'];
/**
 * The navigation offers these, in this order, among the modules' worklists (which grow as modules
 * are added), and none of those named as not offered.
 */
function expectNavigation(shown: string[], offered: string[], notOffered: string[] = [], who?: string): void {
  expect(shown.filter((text) => offered.includes(text)), who).toEqual(offered);
  for (const text of notOffered) expect(shown, who).not.toContain(text);
}

/** Signs in through the form, with the one-time code when the role needs one, and waits for the header to say who. */
async function signIn(person: Person, on: Page = page): Promise<void> {
  if (!/\/sign-in(\?|$)/.test(on.url())) await on.goto(`${server.baseUrl}/sign-in`);
  await on.waitForSelector('[data-testid=sign-in-form]');
  await on.getByLabel('Username').fill(person.username);
  await on.getByLabel('Password').fill(PASSWORD);
  await on.getByRole('button', { name: 'Sign in' }).click();
  if (person.secret) {
    await on.waitForSelector('[data-testid=one-time-code-form]');
    await on.getByLabel('One-time code').fill(generateSync({ secret: person.secret, epoch: Math.floor(Date.now() / 1000) }));
    await on.getByRole('button', { name: 'Continue' }).click();
  }
  await on.waitForSelector('[data-testid=signed-in-as]');
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in$/);
  await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('You have signed out');
  expect(await page.locator('[data-testid=signed-in-as]').count()).toBe(0);
}

describe('who may see what, in the browser', () => {
  it('asks for a username and password (no development list, no single sign-on where it is not set up) and shows the server\'s refusal on the password', async () => {
    await page.goto(`${server.baseUrl}/children/${restrictedChild}`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.waitForSelector('[data-testid=sign-in-form]');
    expect(await page.locator('[data-worker-id]').count()).toBe(0);
    expect(await page.locator('[data-testid=single-sign-on]').count()).toBe(0);
    expect(await navigationTexts()).toEqual([]);
    await checkPage(page, 'sign-in-with-password');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => errorSummary().locator('a').allTextContents()).toEqual(['Enter your username', 'Enter your password']);

    await page.getByLabel('Username').fill('sam.allocated');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => errorSummary().locator('a').allTextContents()).toEqual(['The username or password is not right']);
    expect(await errorSummary().locator('a').getAttribute('href')).toBe('#password');
    expect(await page.locator('#password-error').textContent()).toContain('The username or password is not right');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await checkPage(page, 'sign-in-wrong-password');
    // An unknown username is refused in the same words: the form does not say which accounts exist.
    await page.getByLabel('Username').fill('nobody.here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => errorSummary().locator('a').allTextContents()).toEqual(['The username or password is not right']);
  });

  it('signs a team manager in with a one-time code, and lets them restrict a record naming the allocated worker', async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('Username').fill('tess.manager');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('[data-testid=one-time-code-form]');
    await checkPage(page, 'one-time-code');
    await page.getByLabel('One-time code').fill('12ab');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Enter the 6 digits of the code');
    await page.getByLabel('One-time code').fill(generateSync({ secret: people['tess.manager']!.secret!, epoch: Math.floor(Date.now() / 1000) }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('[data-testid=signed-in-as]');
    expect(await page.locator('[data-testid=signed-in-as]').textContent()).toContain('Tess Manager, team manager');
    // No caseload of their own: the manager starts at Find a child.
    await page.waitForURL(/\/children$/);
    expectNavigation(await navigationTexts(), ['Find a child', 'Access requests', 'Private fostering', 'Search case notes', 'Supervision', 'Awaiting authorisation', 'Dashboards', 'Reports', 'Alerts'], ['My work', 'Audit']);

    await page.goto(`${server.baseUrl}/children/${restrictedChild}`);
    await page.locator('[data-testid=record-access-actions]').getByText('Restrict this record').click();
    await page.waitForSelector('[data-testid=restrict-form]');
    await page.getByRole('button', { name: 'Restrict the record' }).click();
    await expect.poll(() => errorSummary().textContent()).toContain('Enter why this record is being restricted');
    await page.getByLabel('Why is this record being restricted?').fill('The child is related to a member of staff in the team');
    await page.getByLabel(/^Sam Allocated/).check();
    await checkPage(page, 'restrict-record');
    await page.getByRole('button', { name: 'Restrict the record' }).click();
    await page.waitForURL(new RegExp(`/children/${restrictedChild}$`));
    await expect.poll(() => page.locator('.govuk-notification-banner--success').textContent()).toContain('Record restricted');
    await signOut();
  });

  it('shows a colleague the record is restricted and opens it when they break the glass with a reason, then shows who has looked at it', async () => {
    await signIn(people['val.colleague']!);
    await page.goto(`${server.baseUrl}/children/${restrictedChild}`);
    await page.waitForSelector('[data-testid=restricted-record]');
    expect(await page.locator('h1').textContent()).toBe('This record is restricted');
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('allocated worker will be alerted');
    await checkPage(page, 'restricted-record');
    await page.getByLabel('Why do you need to open this record?').fill('urgent');
    await page.getByRole('button', { name: 'Break the glass and open the record' }).click();
    // The server's rule (a sentence, 10 characters or more) is shown on the field.
    await expect.poll(() => errorSummary().locator('a').allTextContents()).toEqual(['Give your reason in a sentence']);
    await checkPage(page, 'restricted-record-with-errors');
    await page.getByLabel('Why do you need to open this record?').fill('Duty cover tonight: the child has been reported missing');
    await page.getByRole('button', { name: 'Break the glass and open the record' }).click();
    await page.waitForSelector('[data-testid=record-access-actions]');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('You have opened this restricted record until');
    await checkPage(page, 'record-opened-by-breaking-the-glass');

    await page.locator('[data-testid=record-access-actions]').getByText('Who has looked at this record').click();
    await page.waitForSelector('[data-testid=access-log]');
    const log = await page.locator('[data-testid=access-log]').textContent();
    expect(log).toContain('Val Colleague');
    expect(log).toContain('Duty cover tonight: the child has been reported missing');
    expect(log).toContain('Tess Manager');
    await checkPage(page, 'access-log');
    await signOut();
  });

  it('alerts the allocated worker: the header counts it, the Alerts page says who broke the glass and why, and it can be marked as seen', async () => {
    await signIn(people['sam.allocated']!);
    await expect.poll(() => navigationTexts()).toContain('Alerts (1 new)');
    await page.locator('.govuk-service-navigation__list').getByText('Alerts (1 new)').click();
    await page.waitForSelector('[data-testid=alerts]');
    expect(await page.locator('[data-testid=alerts]').textContent()).toContain('Duty cover tonight: the child has been reported missing');
    await checkPage(page, 'alerts');
    await page.locator('[data-testid=mark-alert-seen]').click();
    await expect.poll(() => page.locator('[data-testid=alerts]').textContent()).toContain('Seen ');
    expect(await page.locator('[data-testid=mark-alert-seen]').count()).toBe(0);
    await expect.poll(() => navigationTexts()).toContain('Alerts');
    await checkPage(page, 'alerts-seen');
  });

  it('takes a person whose session has timed out to sign in, says so, and brings them back where they were', async () => {
    await page.locator('.govuk-service-navigation__list').getByText('My work').click();
    await page.waitForSelector('html[data-ready="my-work"]');
    await server.db.pool.query(`UPDATE user_session SET last_seen_at = now() - interval '40 minutes' WHERE user_id = $1 AND ended_at IS NULL`, [people['sam.allocated']!.userId]);
    await page.locator('.govuk-service-navigation__list').getByText('Find a child').click();
    await page.waitForURL(/\/sign-in\?returnTo=%2Fchildren$/);
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Your session has ended');
    await checkPage(page, 'sign-in-after-time-out');
    await signIn(people['sam.allocated']!);
    await page.waitForURL(/\/children$/);
    await signOut();
  });

  it('shows an administrator the audit: the chain verified and access to look into', async () => {
    await signIn(people['ada.admin']!);
    expectNavigation(await navigationTexts(), ['Find a child', 'Access requests', 'Private fostering', 'Search case notes', 'Supervision', 'Dashboards', 'Reports', 'Alerts', 'Audit'], ['My work', 'Awaiting authorisation']);
    await page.locator('.govuk-service-navigation__list').getByText('Audit').click();
    await page.waitForSelector('[data-testid=audit-chain]');
    expect(await page.locator('[data-testid=audit-chain]').textContent()).toContain('Intact');
    await page.waitForSelector('[data-testid=anomalies], [data-testid=no-anomalies]');
    await checkPage(page, 'audit');
    await signOut();
  });

  it('offers each role only what it may do, and never a child to a figures-only role', async () => {
    const expectations: { username: string; navigation: string[]; notOffered: string[]; recordActions: boolean; restrict: boolean; register: boolean }[] = [
      { username: 'sam.allocated', navigation: ['My work', 'Find a child', 'Access requests', 'Private fostering', 'Search case notes', 'Supervision', 'Dashboards', 'Reports', 'Alerts'], notOffered: ['Awaiting authorisation', 'Audit'], recordActions: true, restrict: false, register: true },
      { username: 'pat.analyst', navigation: ['Find a child', 'Access requests', 'Private fostering', 'Search case notes', 'Supervision', 'Dashboards', 'Reports', 'Alerts'], notOffered: ['My work', 'Awaiting authorisation', 'Audit'], recordActions: false, restrict: false, register: false },
      { username: 'pc.police', navigation: ['Find a child', 'Private fostering', 'Dashboards', 'Reports', 'Alerts'], notOffered: ['My work', 'Awaiting authorisation', 'Audit', ...councilOnly], recordActions: false, restrict: false, register: false },
      { username: 'sid.scrutineer', navigation: ['Dashboards', 'Reports'], notOffered: [], recordActions: false, restrict: false, register: false },
    ];
    for (const expected of expectations) {
      const person = people[expected.username]!;
      const own = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
      const view = await own.newPage();
      view.on('pageerror', (error) => pageErrors.push(error.message));
      await view.goto(`${server.baseUrl}/sign-in`);
      await signIn(person, view);
      // The alerts link counts alerts, when there are any: the sections are what is compared here.
      const shown = (await navigationTexts(view)).map((text) => text.replace(/ \(\d+\)$/, ''));
      // A figures-only role is offered the figures and nothing else: no list of children at all.
      if (expected.username === 'sid.scrutineer') expect(shown, expected.username).toEqual(expected.navigation);
      else expectNavigation(shown, expected.navigation, expected.notOffered, expected.username);
      if (expected.navigation.includes('Find a child')) {
        await view.goto(`${server.baseUrl}/children`);
        await view.waitForSelector('form[role=search]');
        expect(await view.getByText('Register a new child').count(), expected.username).toBe(expected.register ? 1 : 0);
        await view.goto(`${server.baseUrl}/children/${openChild}`);
        // The police see only children shared with them; this one may not be.
        await view.waitForSelector('h1');
        await expect.poll(() => view.locator('h1').textContent()).not.toBe('Loading…');
        if (await view.locator('[data-testid=record-access-actions]').count() > 0) {
          expect(await view.locator('[data-testid=record-actions]').count(), expected.username).toBe(expected.recordActions ? 1 : 0);
          expect(await view.getByText('Restrict this record').count(), expected.username).toBe(expected.restrict ? 1 : 0);
          expect(await view.getByText('Who has looked at this record').count(), expected.username).toBe(1);
          await checkPage(view, `child-record-as-${person.role}`);
        } else if (await view.locator('[data-testid=partner-view]').count() > 0) {
          // A partner agency reads the partner view: no record actions, and not who has looked at it.
          expect(person.role, 'only a partner agency is given the partner view').toBe('police-officer');
          expect(await view.locator('[data-testid=record-actions]').count(), expected.username).toBe(0);
          expect(await view.getByText('Who has looked at this record').count(), expected.username).toBe(0);
          await checkPage(view, `child-record-as-${person.role}`);
        } else {
          expect(person.role, 'only the police may find a record outside their sight').toBe('police-officer');
        }
        if (person.role === 'police-officer') {
          // Whether the child above is shared with the police depends on the day the borough is
          // seeded from: a record that is shared always gives them the partner view.
          await view.goto(`${server.baseUrl}/children/${sharedWithPolice}`);
          await view.waitForSelector('[data-testid=partner-view]');
          expect(await view.locator('[data-testid=record-actions]').count(), expected.username).toBe(0);
          expect(await view.getByText('Who has looked at this record').count(), expected.username).toBe(0);
          // Each of the record's views, each module's part of it saying what is not shared with them.
          const views = await view.locator('.app-sub-navigation__list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
          expect(views.length).toBeGreaterThan(2);
          for (const href of views.slice(1)) {
            await view.goto(`${server.baseUrl}${href}`);
            await view.waitForSelector('[data-testid=partner-view]');
          }
          expect(pageErrors, 'the partner view of each page of the record').toEqual([]);
        }
      } else {
        // A figures-only role: no child anywhere, and the pages about children say they are not for them.
        await view.goto(`${server.baseUrl}/`);
        await view.waitForURL(/\/dashboards$/);
        // The last mark the dashboard sets: waiting for its first, a quick second can replace it unseen.
        await view.waitForSelector('html[data-ready="dashboard-complete"]');
        expect(await view.locator('a[href*="/children"]').count(), 'links to children on the dashboards').toBe(0);
        await checkPage(view, `dashboards-as-${person.role}`);
        await view.goto(`${server.baseUrl}/dashboards/CP-02b`);
        await view.waitForSelector('html[data-ready="metric"]');
        expect(await view.locator('a[href*="/children"]').count(), 'links to children on a metric').toBe(0);
        await view.goto(`${server.baseUrl}/children/${openChild}`);
        await expect.poll(() => view.locator('h1').textContent()).toBe('You cannot use this page');
        await checkPage(view, `not-permitted-as-${person.role}`);
      }
      await own.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
