/**
 * Care leavers in the browser: a personal adviser registers a young person who left another
 * council's care, records their eligibility, allocates themself as personal adviser, makes the
 * pathway plan, records the contact around the young person's 19th birthday (in touch, where they
 * live and whether it is suitable, what they do) and a pathway plan review, and sees them on the
 * record's card and its Leaving care view, and on their caseload, on a wide screen and a phone's.
 * Every page is checked with axe (WCAG 2.2 AA) and photographed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { type ApiWorker, checkPage, currentWorker, recordThroughForm, registerChild, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
/** 19 in a month's time: today is within the window of the contact around the 19th birthday. */
const dateOfBirth = addMonths(addMonths(today, 1), -19 * 12);
const pageErrors: string[] = [];

seededBrowserSession(pageErrors, (session) => {
  ({ server, browser, context, page } = session);
});

const record = (title: string, fill: () => Promise<void>, check?: string) => recordThroughForm(page, title, fill, check);

describe('care leavers in the browser', () => {
  let childId: string;
  let adviser: ApiWorker;

  it('signs a personal adviser in and registers a young person', async () => {
    adviser = (await currentWorker(server, 'personal-adviser'))!;
    expect(adviser).toBeDefined();
    await signInAs(page, server, adviser.workerId);
    childId = await registerChild(page, server, { forename: 'Ayo', surname: 'Mensah-Clarke', dateOfBirth });
    expect(await page.locator('h1').textContent()).toContain('Ayo Mensah-Clarke');
  });

  it('records eligibility, the personal adviser and the pathway plan', async () => {
    await record('Record eligibility for leaving care support', async () => {
      await page.getByLabel('Former relevant: aged 18 to 25, was eligible or relevant').check();
      await page.getByLabel('Reason for the decision (if it differs from the record, or the care is not on it)').fill('Looked after by another council from 14 to 18; moved here in the summer.');
    }, 'record-care-leaver-eligibility');
    await record('Allocate a personal adviser', async () => {}, 'record-personal-adviser');
    await record('Allocate a worker', async () => {});
    await record('Record the pathway plan', async () => {
      await page.getByRole('group', { name: 'How did the young person take part?' }).getByLabel('Attended and spoke for themselves').check();
    });
    const card = page.locator('[data-testid=care-leaver-card]');
    await expect.poll(() => card.textContent()).toContain('Former relevant');
    expect(await card.textContent()).toContain(adviser.name);
  });

  it('records the birthday contact and a pathway plan review, and the record shows them', async () => {
    await record('Record a birthday contact', async () => {
      await page.getByLabel('YES: In touch').check();
      await page.getByLabel('Main activity (if in touch)').selectOption('F4');
      await page.getByLabel('Where do they live? (if in touch)').selectOption('E');
      await page.getByRole('group', { name: 'Is the accommodation suitable?' }).getByLabel('Yes').check();
    }, 'record-birthday-contact');
    await record('Record a pathway plan review', async () => {
      await page.getByRole('group', { name: 'How did the young person take part?' }).getByLabel('Did not attend, but gave their views').check();
    }, 'record-pathway-plan-review');
    const card = page.locator('[data-testid=care-leaver-card]');
    await expect.poll(() => card.textContent()).toContain(`${formatDate(today)}, for the 19th birthday: In touch; Supported lodgings (suitable); Apprenticeship, full time`);
    expect(await card.textContent()).toContain(formatDate(addMonths(today, 6)));
    await checkPage(page, 'child-record-care-leaver');

    await page.goto(`${server.baseUrl}/children/${childId}/leaving-care`);
    await page.waitForSelector('[data-testid=care-leaver-birthday-contacts]');
    const contacts = await page.locator('[data-testid=care-leaver-birthday-contacts] tbody tr').allTextContents();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toContain('19th');
    expect(contacts[0]).toContain('E1: Supported lodgings, suitable');
    expect(contacts[0]).toContain('F4: Apprenticeship, full time');
    const pathway = await page.locator('[data-testid=care-leaver-pathway] tbody tr').allTextContents();
    expect(pathway[0]).toContain('Review');
    expect(pathway[0]).toContain('Did not attend, but gave their views');
    await checkPage(page, 'child-record-leaving-care');
  });

  it('lists the young person on the personal adviser\'s caseload', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My care leavers' }).click();
    await page.waitForSelector('html[data-ready="care-leavers"]');
    const row = page.locator('[data-testid=care-leaver-caseload] tbody tr', { hasText: 'Ayo Mensah-Clarke' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(2).textContent()).toContain(formatDate(addMonths(today, 6)));
    await checkPage(page, 'care-leaver-caseload');
  });

  it('keeps the Leaving care view and the caseload usable at a phone\'s width', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children/${childId}/leaving-care`);
    await small.waitForSelector('[data-testid=care-leaver-birthday-contacts]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'child-record-leaving-care-phone');
    await small.goto(`${server.baseUrl}/my-care-leavers`);
    await small.waitForSelector('html[data-ready="care-leavers"]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'care-leaver-caseload-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
