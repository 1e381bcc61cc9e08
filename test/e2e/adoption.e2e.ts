/**
 * Adoption in the browser: a social worker opens the record of a child looked after, records the
 * decision that the child should be placed for adoption, the placement order and the match with
 * prospective adopters through the forms the record offers, and sees the stage the plan has
 * reached on the record's card, in its "Adoption and permanence" view and on the adoption
 * worklist, on a wide screen and at 390 px. Every page is checked with axe (WCAG 2.2 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { type ApiWorker, checkPage, currentWorker, recordThroughForm, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const pageErrors: string[] = [];
const CHILD = 'C9990017';

/** Records an event as the embedded demonstration's operator (no one signed in), as setting up the record. */
async function recordByApi(type: string, occurredAt: string, data: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/children/${CHILD}/events`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type, occurredAt, clientId: `e2e-adoption-${type}`, data }),
  });
  expect(response.status, await response.text()).toBe(201);
}

const record = (title: string, fill: () => Promise<void>, check: string) => recordThroughForm(page, title, fill, check);

const stage = () => page.locator('[data-testid=adoption-stage]').textContent();

let worker: ApiWorker;

seededBrowserSession(pageErrors, async (session) => {
  ({ server, browser, context, page } = session);
  worker = (await currentWorker(server, 'social-worker'))!;
  // A baby referred and allocated to the worker, looked after since four months ago.
  const day = (n: number) => addCalendarDays(today, -n);
  await recordByApi('child.registered', day(200), { forename: 'Amara', surname: 'Eze', dateOfBirth: day(210), sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'] });
  await recordByApi('referral.received', day(130), { source: '5A' });
  await recordByApi('allocation.started', day(130), { workerId: worker.workerId, teamId: worker.teamId });
  await recordByApi('looked-after.started', day(120), { legalStatus: 'C1', categoryOfNeed: 'N1', placement: { type: 'U6', provider: 'PR1' }, unaccompaniedAsylumSeeking: false });
}, { timeout: 600_000 });

describe('adoption in the browser', () => {
  it('signs a social worker in and opens the record of a child looked after', async () => {
    await signInAs(page, server, worker.workerId);
    await page.goto(`${server.baseUrl}/children/${CHILD}`);
    await page.waitForSelector('html[data-ready="child-record"]');
    expect(await page.locator('h1').textContent()).toContain('Amara Eze');
    expect(await page.locator('[data-testid=adoption-card]').count()).toBe(0);
  });

  it('records the decision that the child should be placed for adoption', async () => {
    await record('Record the decision that the child should be placed for adoption', async () => {
      await page.getByLabel('Agency decision maker').selectOption({ index: 1 });
      await page.getByRole('group', { name: /fostering for adoption or concurrent planning/ }).getByLabel('No').check();
      await page.getByLabel('Reasons for the decision (optional)').fill('No family member can care for Amara; the plan is adoption.');
    }, 'record-adoption-decision');
    await expect.poll(stage).toBe('Decision to place for adoption');
    await checkPage(page, 'child-record-adoption-decision');
  });

  it('records the placement order, and the match falls due within 121 days', async () => {
    await record('Record the placement order', async () => {
      await page.getByLabel('Court (optional)').fill('Family Court at Clerkenwell');
    }, 'record-placement-order');
    await expect.poll(stage).toBe('Placement order made');
    expect(await page.locator('[data-testid=adoption-card]').textContent()).toContain(`Match due ${formatDate(addCalendarDays(today, 121))}`);
  });

  it('records the match, and the record shows the plan matched', async () => {
    await record('Record the match with prospective adopters', async () => {
      await page.getByLabel('A male and a female adopter').check();
      await page.getByLabel('A different-gender married couple').check();
      await page.getByRole('group', { name: 'Are the adopters the child\'s foster carers?' }).getByLabel('No').check();
    }, 'record-adoption-match');
    await expect.poll(stage).toBe('Matched with adopters');
    const card = await page.locator('[data-testid=adoption-card]').textContent();
    expect(card).toContain(`${formatDate(today)}: a male and a female adopter, a different-gender married couple`);
    expect(card).not.toContain('Match due');
    await checkPage(page, 'child-record-adoption-matched');

    await page.goto(`${server.baseUrl}/children/${CHILD}/adoption`);
    await page.waitForSelector('[data-testid=adoption-plans]');
    const plans = await page.locator('[data-testid=adoption-plans] tbody tr').allTextContents();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('Matched with adopters');
    await checkPage(page, 'child-record-adoption-view');
  });

  it('lists the child on the adoption worklist with where the plan stands', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Adoption' }).click();
    await page.waitForSelector('html[data-ready="adoption"]');
    const row = page.locator('[data-testid=adoption-worklist] tbody tr', { hasText: 'Amara Eze' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toContain('matched with adopters');
    await checkPage(page, 'adoption-worklist');
  });

  it('shows the record and the worklist at 390 px wide', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children/${CHILD}`);
    await small.waitForSelector('html[data-ready="child-record"]');
    expect(await small.locator('[data-testid=adoption-stage]').textContent()).toBe('Matched with adopters');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'child-record-adoption-phone');
    await small.goto(`${server.baseUrl}/adoption`);
    await small.waitForSelector('html[data-ready="adoption"]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'adoption-worklist-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors.join('\n')).toBe('');
  });
});
