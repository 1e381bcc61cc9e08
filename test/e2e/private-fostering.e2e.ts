/**
 * Private fostering in the browser: a social worker registers a child, records the notification
 * that the child is privately fostered, the initial visit and a visit after it through the forms the
 * record offers, and sees them on the child's record and on the private fostering worklist reached
 * from the service navigation, on a wide screen and a phone's. Every page is checked with axe
 * (WCAG 2.2 AA) and photographed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { checkPage, currentWorker, recordThroughForm, registerChild, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const pageErrors: string[] = [];

seededBrowserSession(pageErrors, (session) => {
  ({ server, browser, context, page } = session);
});

const record = (title: string, fill: () => Promise<void>, check: string) => recordThroughForm(page, title, fill, check);

/** A visit with the child seen and spoken to alone. */
async function childSeenAlone(): Promise<void> {
  await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Did you speak to the child alone?' }).getByLabel('Yes').check();
}

/** Opens the worklist from the service navigation and answers the child's row once the page has its data. */
async function worklistRow(name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private fostering' }).click();
  await page.waitForSelector('html[data-ready="private-fostering"]');
  return page.locator('[data-testid=private-fostering-worklist] tbody tr', { hasText: name });
}

describe('private fostering in the browser', () => {
  let childId: string;

  it('signs a social worker in and registers a child', async () => {
    const worker = (await currentWorker(server, 'social-worker'))!;
    await signInAs(page, server, worker.workerId);
    childId = await registerChild(page, server, { forename: 'Mira', surname: 'Novakova', dateOfBirth: '2011-09-03' });
    expect(await page.locator('h1').textContent()).toContain('Mira Novakova');
  });

  it('records the notification, and the worklist shows the initial visit due', async () => {
    await record('Record a private fostering notification', async () => {
      await page.getByLabel('A school or college').check();
      await page.getByLabel('After the arrangement began (an existing arrangement)').check();
      await page.getByLabel('What did they tell you? (optional)').fill('The child has lived with a family friend since the summer.');
    }, 'record-private-fostering-notification');
    const card = page.locator('[data-testid=private-fostering-card]');
    await expect.poll(() => card.textContent()).toContain(`Notification received ${formatDate(today)}, not yet decided`);
    await checkPage(page, 'child-record-private-fostering-notification');

    const row = await worklistRow('Mira Novakova');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('Private fostering notification');
    expect(await row.locator('td').nth(2).textContent()).toContain('Visit within 7 working days of a private fostering notification');
    await checkPage(page, 'private-fostering-worklist');
  });

  it('records the initial visit and a visit after it, and shows both on the record', async () => {
    await page.locator('[data-testid=private-fostering-worklist]').getByRole('link', { name: 'Mira Novakova' }).click();
    await page.waitForSelector('html[data-ready="child-record"]');
    await record('Record a private fostering visit', childSeenAlone, 'record-private-fostering-visit');
    await expect.poll(() => page.locator('[data-testid=private-fostering-card]').textContent()).toContain(`${formatDate(today)}: child seen alone`);
    await record('Record a private fostering visit', async () => {
      await childSeenAlone();
      await page.locator('#reportWrittenOn-day').fill(today.slice(8, 10));
      await page.locator('#reportWrittenOn-month').fill(today.slice(5, 7));
      await page.locator('#reportWrittenOn-year').fill(today.slice(0, 4));
    }, 'record-private-fostering-monitoring-visit');

    await page.goto(`${server.baseUrl}/children/${childId}/private-fostering`);
    await page.waitForSelector('[data-testid=private-fostering-visits]');
    const visits = await page.locator('[data-testid=private-fostering-visits] tbody tr').allTextContents();
    expect(visits).toHaveLength(2);
    expect(visits[0]).toContain('Monitoring visit');
    expect(visits[0]).toContain(formatDate(today));
    expect(visits[1]).toContain('Initial visit');
    await checkPage(page, 'child-record-private-fostering-visits');
  });

  it('lists the child on the worklist with the initial visit done', async () => {
    const row = await worklistRow('Mira Novakova');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).not.toContain('Visit within 7 working days');
    const summary = await page.locator('[data-testid=private-fostering-summary]').textContent();
    expect(summary).toMatch(/\d+ notifications? being looked into/);
    await checkPage(page, 'private-fostering-worklist-after-visits');
  });

  it('keeps the worklist and its link usable at a phone\'s width', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 375, height: 740 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children`);
    // On a phone the service navigation is behind its Menu button.
    await small.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).click();
    await small.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private fostering' }).click();
    await small.waitForSelector('html[data-ready="private-fostering"]');
    expect(await small.locator('[data-testid=private-fostering-worklist] tbody tr', { hasText: 'Mira Novakova' }).count()).toBe(1);
    // The header's links and the worklist wrap rather than pushing the page sideways.
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'private-fostering-worklist-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
