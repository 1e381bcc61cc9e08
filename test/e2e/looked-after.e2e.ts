/**
 * Children looked after in the browser: a social worker registers a child, records through the
 * forms the record offers that the child became looked after and then moved placement, and sees
 * both on the child's record card and in the care and placements view, and the child on the
 * worklist of children looked after; on a wide screen and a phone's (390 px). Every page is checked
 * with axe (WCAG 2.2 AA) and photographed.
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

/** A date a number of days before today, as the form's day, month and year boxes take it. */
async function dateBoxes(name: string, daysAgo: number): Promise<string> {
  const date = new Date(Date.parse(`${today}T12:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await page.locator(`#${name}-day`).fill(String(Number(date.slice(8, 10))));
  await page.locator(`#${name}-month`).fill(String(Number(date.slice(5, 7))));
  await page.locator(`#${name}-year`).fill(date.slice(0, 4));
  return date;
}

describe('children looked after in the browser', () => {
  let childId: string;
  let startedOn: string;

  it('signs a social worker in and registers a child', async () => {
    const worker = (await currentWorker(server, 'social-worker'))!;
    await signInAs(page, server, worker.workerId);
    childId = await registerChild(page, server, { forename: 'Tariq', surname: 'Haddad', dateOfBirth: '2012-02-14' }, async () => {
      // Registered two months ago: the child became looked after since, and moved placement after.
      await dateBoxes('occurredAt', 60);
    });
    expect(await page.locator('h1').textContent()).toContain('Tariq Haddad');
  });

  it('records that the child became looked after, with the placement, and shows it on the record', async () => {
    await record('Record that the child became looked after', async () => {
      startedOn = await dateBoxes('occurredAt', 40);
      await page.getByLabel('Legal status').selectOption('V2');
      await page.getByLabel('N1: Abuse, neglect and exploitation').check();
      await page.getByLabel('Placement type').selectOption('U6');
      await page.getByLabel('PR1: The council\'s own provision').check();
      await page.getByLabel('Postcode of the placement (optional)').fill('N7 8AB');
      await page.getByLabel('Weekly cost in pounds (optional)').fill('520');
      await page.getByLabel('Postcode of the child\'s home (optional)').fill('N1 2AB');
      await page.getByRole('group', { name: 'Is the child an unaccompanied asylum-seeking child?' }).getByLabel('No').check();
    }, 'record-looked-after-started');
    const card = page.locator('[data-testid=looked-after-card]');
    await expect.poll(() => card.textContent()).toContain(`Looked after since ${formatDate(startedOn)}`);
    expect(await card.textContent()).toContain('1.3 miles from home, inside the council\'s area');
    await checkPage(page, 'child-record-looked-after');
  });

  it('records a move to a foster carer in Kent, and the record shows both placements', async () => {
    await record('Record a change of placement', async () => {
      await dateBoxes('occurredAt', 10);
      await page.getByLabel('Placement type').selectOption('U6');
      await page.getByLabel('PR4: Private provision').check();
      await page.getByLabel('Name of the carer or provision (optional)').fill('Bright Futures Fostering');
      await page.getByLabel('Postcode of the placement (optional)').fill('ME14 1AA');
      await page.getByRole('group', { name: 'Does the child stay with the same carer?' }).getByLabel('No').check();
      await page.getByLabel('Why did the placement change?').selectOption('CREQB');
    }, 'record-looked-after-placement-changed');
    await expect.poll(() => page.locator('[data-testid=looked-after-card]').textContent()).toContain('32.2 miles from home, outside the council\'s area');

    await page.goto(`${server.baseUrl}/children/${childId}/care-and-placements`);
    await page.waitForSelector('[data-testid=placements]');
    const rows = await page.locator('[data-testid=placements] tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(formatDate(startedOn));
    expect(rows[0]).toContain('The carer asked for it to end because of the child\'s behaviour');
    expect(rows[1]).toContain('Bright Futures Fostering');
    expect(rows[1]).toContain('Now');
    await checkPage(page, 'child-record-care-and-placements');
  });

  it('lists the child on the worklist of children looked after', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children looked after' }).click();
    await page.waitForSelector('html[data-ready="looked-after"]');
    expect(await page.locator('[data-testid=looked-after-worklist] tbody tr', { hasText: 'Tariq Haddad' }).count()).toBe(1);
    await checkPage(page, 'looked-after-worklist');
  });

  it('keeps the care and placements view and the worklist usable at a phone\'s width', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children/${childId}/care-and-placements`);
    await small.waitForSelector('[data-testid=placements]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'child-record-care-and-placements-phone');
    await small.goto(`${server.baseUrl}/looked-after`);
    await small.waitForSelector('html[data-ready="looked-after"]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'looked-after-worklist-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
