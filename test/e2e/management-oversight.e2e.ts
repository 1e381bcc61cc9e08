/**
 * Management oversight in the browser: a social worker submits a completed assessment for
 * authorisation from the child's record; their team manager signs in, finds it in their worktray
 * ("Awaiting authorisation" in the service navigation), tries to save without a decision, then
 * authorises it; the record shows it authorised, by whom and when, and the chronology each step.
 * A service manager's worktray holds the seeded borough's assessments still awaiting a manager.
 * Every page is checked with axe (WCAG 2.2 AA) and photographed, the worktray and its form at a
 * phone's width too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { type ApiWorker, checkPage, currentWorker, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const pageErrors: string[] = [];
const CHILD = 'C9990001';
const MANAGER = 'W-E2E-TM';

let worker: ApiWorker;

/** Records an event as the embedded demonstration's operator (no one signed in), as setting up the record. */
async function record(type: string, occurredAt: string, data: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/children/${CHILD}/events`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type, occurredAt, clientId: `e2e-mo-${type}-${occurredAt}`, data }),
  });
  const body = await response.json() as { event: { eventId: string } };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.event.eventId;
}

seededBrowserSession(pageErrors, async (session) => {
  ({ server, browser, context, page } = session);
  const { workers } = (await (await fetch(`${server.baseUrl}/api/v1/workers`)).json()) as { workers: ApiWorker[] };
  worker = workers.find((w) => w.role === 'social-worker' && !w.leftOn && w.teamId.startsWith('children-in-need'))!;
  // The worker's team manager.
  const added = await fetch(`${server.baseUrl}/api/v1/workers`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workerId: MANAGER, name: 'Tess Manager', role: 'team-manager', teamId: worker.teamId, startedOn: '2020-01-01' }),
  });
  expect(added.status).toBe(201);
  // A child allocated to the worker, whose assessment was completed yesterday.
  const day = (n: number) => addCalendarDays(today, -n);
  await record('child.registered', day(20), { forename: 'Nadia', surname: 'Okafor', dateOfBirth: '2014-03-09', sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'] });
  await record('referral.received', day(20), { source: '2A' });
  await record('allocation.started', day(20), { workerId: worker.workerId, teamId: worker.teamId });
  const assessmentId = await record('assessment.started', day(19), {});
  await record('assessment.completed', day(1), { assessmentId, factors: ['3B'], outcome: 'child-in-need-plan', authorisedByWorkerId: MANAGER, primaryNeed: 'N1' });
}, { timeout: 600_000 });

describe('management oversight in the browser', () => {
  it('shows the social worker the completed assessment as not submitted, and no worktray', async () => {
    await signInAs(page, server, worker.workerId);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Awaiting authorisation' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/children/${CHILD}`);
    await page.waitForSelector('html[data-ready="child-record"]');
    await expect.poll(() => page.locator('[data-testid=authorisation-card]').textContent()).toContain('Not yet submitted for authorisation');
    await page.getByRole('link', { name: 'Management oversight', exact: true }).first().click();
    await page.waitForSelector('[data-testid=authorisation-items]');
    expect(await page.locator('[data-testid=authorisation-items] tbody tr').first().textContent()).toContain('Not submitted');
    await checkPage(page, 'management-oversight-view');
  });

  it('lets the worker submit it for authorisation', async () => {
    await page.locator('[data-testid=submit-for-authorisation]').first().click();
    await page.waitForSelector('[data-testid=submit-form]');
    await checkPage(page, 'submit-for-authorisation');
    await page.getByLabel('Comments for the manager (optional)').fill('Nadia\'s views are in the analysis; the plan meeting is booked.');
    await page.getByRole('button', { name: 'Submit for authorisation' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('submitted for authorisation');
    const row = page.locator('[data-testid=authorisation-items] tbody tr').first();
    expect(await row.textContent()).toContain(`Awaiting authorisation since ${formatDate(today)}, submitted by ${worker.name}`);
    await checkPage(page, 'management-oversight-view-submitted');
  });

  it('puts it in the team manager\'s worktray, usable at a phone\'s width too', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signInAs(page, server, MANAGER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Awaiting authorisation' }).click();
    await page.waitForSelector('html[data-ready="awaiting-authorisation"]');
    const row = page.locator('[data-testid=worktray] tbody tr', { hasText: 'Nadia Okafor' });
    expect(await row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 5)).toEqual(['Assessment', worker.name, formatDate(today), '0 days']);
    await checkPage(page, 'worktray');

    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 780 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/awaiting-authorisation`);
    await small.waitForSelector('html[data-ready="awaiting-authorisation"]');
    // The header's links and the worktray wrap rather than pushing the page sideways.
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'worktray-phone');
    await small.locator('[data-testid=worktray] tbody tr', { hasText: 'Nadia Okafor' }).getByRole('link', { name: /Authorise or return/ }).click();
    await small.waitForSelector('[data-testid=decision-form]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'authorise-or-return-phone');
    await phone.close();
  });

  it('asks for a decision before saving, then authorises it', async () => {
    await page.locator('[data-testid=worktray] tbody tr', { hasText: 'Nadia Okafor' }).getByRole('link', { name: /Authorise or return/ }).click();
    await page.waitForSelector('[data-testid=decision-form]');
    expect(await page.locator('[data-testid=decision-item]').textContent()).toContain('the plan meeting is booked');
    await checkPage(page, 'authorise-or-return');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select whether to authorise it or return it to the worker');
    await checkPage(page, 'authorise-or-return-with-errors');
    await page.getByLabel('Authorise', { exact: true }).check();
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('for Nadia Okafor: authorised');
    await expect.poll(() => page.locator('[data-testid=worktray] tbody tr', { hasText: 'Nadia Okafor' }).count()).toBe(0);
    await checkPage(page, 'worktray-after-authorising');
  });

  it('shows the record authorised, by whom and when, and each step in the chronology', async () => {
    await page.goto(`${server.baseUrl}/children/${CHILD}/oversight`);
    await page.waitForSelector('[data-testid=authorisation-items]');
    expect(await page.locator('[data-testid=authorisation-items] tbody tr').first().textContent()).toContain(`Authorised on ${formatDate(today)} by Tess Manager`);
    await page.goto(`${server.baseUrl}/children/${CHILD}/chronology`);
    await page.waitForSelector('[data-testid=chronology] li');
    const entries = await page.locator('[data-testid=chronology] li h3').allTextContents();
    expect(entries.slice(0, 2).map((text) => text.trim())).toEqual(['Authorised by a manager', 'Submitted for authorisation']);
    await checkPage(page, 'chronology-with-authorisation');
  });

  it('shows a service manager every item of the seeded borough awaiting authorisation', async () => {
    const serviceManager = (await currentWorker(server, 'service-manager'))!;
    // The synthetic borough's assessments are submitted and authorised by its service managers.
    const seeded = await server.db.pool.query(`SELECT status, count(*)::int AS n FROM authorisation WHERE child_id <> $1 GROUP BY status`, [CHILD]);
    const count = (status: string) => seeded.rows.find((row) => row.status === status)?.n ?? 0;
    expect(count('authorised')).toBeGreaterThan(10);
    const { rows: mine } = await server.db.pool.query(`SELECT count(*)::int AS n FROM authorisation WHERE status = 'awaiting-authorisation' AND submitted_by_user = $1`, [serviceManager.workerId]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await signInAs(page, server, serviceManager.workerId);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Awaiting authorisation' }).click();
    await page.waitForSelector('html[data-ready="awaiting-authorisation"]');
    const expected = count('awaiting-authorisation') - mine[0].n;
    expect(await page.locator('[data-testid=worktray-summary]').textContent()).toContain(`${expected} ${expected === 1 ? 'item is' : 'items are'} awaiting your authorisation`);
    await checkPage(page, 'worktray-service-manager');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
