/**
 * Youth justice in the browser: a social worker registers a child of 15, records that the youth
 * justice service is involved, a youth caution and a joint supervision with the youth justice
 * service through the forms the record offers, and sees them on the child's record (the summary
 * card, the Youth justice view, the Management oversight view) and on the youth justice worklist,
 * on a wide screen and at 390 pixels wide. Every page is checked with axe (WCAG 2.2 AA) and photographed.
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

describe('youth justice in the browser', () => {
  let childId: string;

  it('signs a social worker in and registers a child of 15', async () => {
    const worker = (await currentWorker(server, 'social-worker'))!;
    await signInAs(page, server, worker.workerId);
    const born = new Date(Date.parse(`${today}T00:00:00Z`) - 15.5 * 365.25 * 86_400_000);
    childId = await registerChild(page, server, { forename: 'Kai', surname: 'Mensah-Okoro', dateOfBirth: born.toISOString().slice(0, 10) });
    expect(await page.locator('h1').textContent()).toContain('Kai Mensah-Okoro');
  });

  it('records that the youth justice service is involved, and an offence outcome', async () => {
    await record('Record that the youth justice service is involved', async () => {
      await page.getByLabel('Out-of-court disposal or prevention').check();
    }, 'record-youth-justice-involvement');
    const card = page.locator('[data-testid=youth-justice-card]');
    await expect.poll(() => card.textContent()).toContain(`Involved since ${formatDate(today)}`);
    await checkPage(page, 'child-record-youth-justice');

    await record('Record an offence outcome', async () => {
      await page.locator('#offenceOn-day').fill(today.slice(8, 10));
      await page.locator('#offenceOn-month').fill(today.slice(5, 7));
      await page.locator('#offenceOn-year').fill(today.slice(0, 4));
      await page.getByLabel('Youth caution', { exact: true }).check();
    }, 'record-youth-justice-offence-outcome');
    await expect.poll(() => page.locator('[data-testid=youth-justice-card]').textContent()).toContain(`Youth caution, ${formatDate(today)}`);
  });

  it('records a joint supervision, shown in the Youth justice view and as management oversight', async () => {
    await record('Record a joint supervision or planning meeting', async () => {
      await page.getByLabel('Joint supervision', { exact: true }).check();
      const who = page.getByRole('group', { name: 'Who took part?' });
      await who.getByLabel('Social worker', { exact: true }).check();
      await who.getByLabel('Youth justice worker', { exact: true }).check();
      await page.getByLabel('What was decided?').fill('The social worker and the youth justice worker to visit together every fortnight.');
    }, 'record-youth-justice-joint-meeting');

    await page.goto(`${server.baseUrl}/children/${childId}/youth-justice`);
    await page.waitForSelector('[data-testid=youth-justice-outcomes]');
    const outcomes = await page.locator('[data-testid=youth-justice-outcomes] tbody tr').allTextContents();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toContain('Youth caution');
    expect(await page.locator('[data-testid=youth-justice-meeting]').textContent()).toContain('Social worker, Youth justice worker');
    await checkPage(page, 'child-record-youth-justice-view');

    await page.goto(`${server.baseUrl}/children/${childId}/oversight`);
    await page.waitForSelector('[data-testid=joint-oversight]');
    expect(await page.locator('[data-testid=joint-oversight]').textContent()).toContain('visit together every fortnight');
    await checkPage(page, 'child-record-oversight-youth-justice');
  });

  it('lists the child on the youth justice worklist, usable at 390 pixels wide', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children`);
    await small.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).click();
    await small.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Youth justice' }).click();
    await small.waitForSelector('html[data-ready="youth-justice"]');
    const row = small.locator('[data-testid=youth-justice-worklist] tbody tr', { hasText: 'Kai Mensah-Okoro' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toContain('Not looked after');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'youth-justice-worklist-phone');

    await small.goto(`${server.baseUrl}/children/${childId}/youth-justice`);
    await small.waitForSelector('[data-testid=youth-justice-outcomes]');
    await checkPage(small, 'child-record-youth-justice-view-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
