/**
 * Corrections in the browser, drafts that belong to the person who wrote them, and the pages at a
 * phone's width. A social worker registers a child and records a contact, corrects a mistaken
 * answer in it from the chronology (the form opens filled in; a reason is required) and sees both
 * versions; records a MASH check request and marks it as recorded in error. A draft typed by one
 * person is not offered to the next person who signs in on the same browser, and none is left after
 * signing out. At 390 × 844 the service navigation is behind a Menu button and no page scrolls
 * sideways. Every page is checked with axe (WCAG 2.2 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, openDesktopPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

interface ApiWorker { workerId: string; name: string; role: string; teamId: string; leftOn?: string }
let socialWorker: ApiWorker;
let frontDoorOfficer: ApiWorker;

beforeAll(async () => {
  server = await startServer();
  const { workers } = (await (await fetch(`${server.baseUrl}/api/v1/workers`)).json()) as { workers: ApiWorker[] };
  socialWorker = workers.find((w) => w.role === 'social-worker' && !w.leftOn)!;
  frontDoorOfficer = workers.find((w) => w.role === 'front-door-officer' && !w.leftOn)!;
  ({ browser, context, page } = await openDesktopPage(pageErrors));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signInAs(on: Page, worker: ApiWorker): Promise<void> {
  await on.goto(`${server.baseUrl}/sign-in`);
  await on.locator(`button[data-worker-id="${worker.workerId}"]`).click();
  await on.waitForSelector('[data-testid=signed-in-as]');
  await expect.poll(() => on.locator('[data-testid=signed-in-as]').textContent()).toContain(worker.name);
}

async function openChronology(childId: string): Promise<void> {
  await page.goto(`${server.baseUrl}/children/${childId}/chronology`);
  await page.waitForSelector('[data-testid=chronology]');
}

const entry = (label: string) => page.locator('[data-testid=chronology-entry]', { has: page.locator('h3', { hasText: label }) });

const draftKeys = (on: Page) => on.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('safeguard:draft:')));

describe('corrections, drafts and phone screens', () => {
  let childId: string;

  it('registers a child and records a contact with a mistaken answer', async () => {
    await signInAs(page, socialWorker);
    await page.goto(`${server.baseUrl}/children/new`);
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByLabel('First name').fill('Lena');
    await page.getByLabel('Last name').fill('Marsh');
    await page.locator('#dateOfBirth-day').fill('14');
    await page.locator('#dateOfBirth-month').fill('2');
    await page.locator('#dateOfBirth-year').fill('2015');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio').first().check();
    await page.getByLabel('Ethnicity').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Register the child' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    childId = new URL(page.url()).pathname.split('/')[2]!;

    await page.locator('[data-testid=record-actions]').getByText('Record a contact', { exact: true }).click();
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByLabel('Who made the contact?').selectOption({ index: 1 });
    await page.getByLabel('Main reason for the contact').selectOption({ index: 1 });
    await page.getByLabel('Name of the person who made the contact (optional)').fill('Mr Smiht');
    await page.getByLabel('What did they tell you? (optional)').fill('Worried about the child\'s attendance.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
  });

  it('corrects the contact from the chronology: the form opens filled in, a reason is required, and both versions are shown', async () => {
    await openChronology(childId);
    await checkPage(page, 'chronology-with-corrections-offered');
    await entry('Contact').getByRole('link', { name: /^Correct this/ }).click();
    await page.waitForSelector('[data-testid=event-form]');
    expect(await page.locator('h1').textContent()).toContain('Correct this entry');
    // Filled in with what was recorded.
    expect(await page.getByLabel('Name of the person who made the contact (optional)').inputValue()).toBe('Mr Smiht');
    expect(await page.getByLabel('What did they tell you? (optional)').inputValue()).toBe('Worried about the child\'s attendance.');
    await page.getByLabel('Name of the person who made the contact (optional)').fill('Mr Smith');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    // No reason: refused in the GOV.UK way, nothing saved.
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the reason for the correction');
    await checkPage(page, 'correct-entry-with-errors');
    await page.getByLabel('Reason for the correction').fill('The referrer\'s name was misspelt.');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Contact received corrected');

    await page.waitForSelector('[data-testid=chronology]');
    const contacts = entry('Contact');
    expect(await contacts.count()).toBe(2);
    const corrected = page.locator('[data-testid=chronology-entry]', { has: page.locator('[data-testid=corrected-by]') });
    const correction = page.locator('[data-testid=chronology-entry]', { has: page.locator('[data-testid=correction-of]') });
    expect(await corrected.textContent()).toContain('Mr Smiht');
    expect(await corrected.locator('[data-testid=corrected-by]').textContent()).toContain(`by ${socialWorker.name}. Reason: The referrer's name was misspelt.`);
    expect(await correction.textContent()).toContain('Mr Smith');
    expect(await correction.locator('[data-testid=correction-of]').textContent()).toContain('Reason for the correction: The referrer\'s name was misspelt.');
    // Only the version that counts can be corrected again.
    expect(await corrected.getByRole('link', { name: /^Correct this/ }).count()).toBe(0);
    expect(await correction.getByRole('link', { name: /^Correct this/ }).count()).toBe(1);
    await checkPage(page, 'chronology-after-correction');
  });

  it('marks an entry as recorded in error, with the reason shown in the chronology', async () => {
    await page.goto(`${server.baseUrl}/children/${childId}/record/mash-check.requested`);
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByRole('group', { name: 'Which agency is being asked?' }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');

    await openChronology(childId);
    await entry('MASH check requested').getByRole('link', { name: /^This was recorded in error/ }).click();
    await page.waitForSelector('[data-testid=void-form]');
    await page.getByRole('button', { name: 'Mark as recorded in error' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why the entry was recorded in error');
    await checkPage(page, 'recorded-in-error-with-errors');
    await page.getByLabel('Why was it recorded in error?').fill('Requested on the wrong child\'s record.');
    await page.getByRole('button', { name: 'Mark as recorded in error' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    await page.waitForSelector('[data-testid=chronology]');
    const voided = page.locator('[data-testid=chronology-entry]', { has: page.locator('[data-testid=voided-because]') });
    expect(await voided.locator('[data-testid=voided-because]').textContent()).toContain('Reason: Requested on the wrong child\'s record.');
    expect(await voided.locator('h3').textContent()).toContain('Recorded in error');
    expect(await voided.getByRole('link').count()).toBe(0);
    await checkPage(page, 'chronology-after-void');
  });

  it('does not offer one person\'s draft to the next person signed in on the same browser, and leaves none after signing out', async () => {
    await page.goto(`${server.baseUrl}/children/${childId}/record/mash-check.requested`);
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByRole('group', { name: 'Which agency is being asked?' }).getByRole('radio').nth(1).check();
    await expect.poll(() => draftKeys(page)).toHaveLength(1);

    // The first person's session ends without their signing out (it timed out), and someone else signs in on the same browser.
    await context.clearCookies();
    await signInAs(page, frontDoorOfficer);
    await page.goto(`${server.baseUrl}/children/${childId}/record/mash-check.requested`);
    await page.waitForSelector('[data-testid=event-form]');
    expect(await page.getByText('We restored your unsaved answers').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Which agency is being asked?' }).getByRole('radio').nth(1).isChecked()).toBe(false);

    // The first person's draft is still theirs when they come back (the second person's session ending as the first's did)…
    await context.clearCookies();
    await signInAs(page, socialWorker);
    await page.goto(`${server.baseUrl}/children/${childId}/record/mash-check.requested`);
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByText('We restored your unsaved answers').waitFor();
    // …and signing out removes every draft kept in the browser.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await draftKeys(page)).toEqual([]);
  });

  it('fits a phone\'s screen: the navigation is behind a Menu button and no page scrolls sideways', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await signInAs(small, socialWorker);

    const navigation = small.getByRole('navigation', { name: 'Main' });
    const menu = navigation.getByRole('button', { name: 'Menu' });
    await small.goto(`${server.baseUrl}/`);
    await small.waitForSelector('html[data-ready="my-work"]');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await navigation.getByRole('link', { name: 'Find a child' }).isVisible()).toBe(false);
    // The button opens the menu from the keyboard.
    await menu.focus();
    await small.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await navigation.getByRole('link', { name: 'Find a child' }).isVisible()).toBe(true);
    await small.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    const fitsTheScreen = () => small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fitsTheScreen(), 'My work').toBe(true);
    await checkPage(small, 'my-work-phone');
    const someChild = await small.locator('[data-testid=children-table] tbody a').first().getAttribute('href');

    await small.goto(`${server.baseUrl}/children`);
    await small.locator('h1', { hasText: 'Find a child' }).waitFor();
    expect(await fitsTheScreen(), 'Find a child').toBe(true);
    await checkPage(small, 'find-a-child-phone');

    await small.goto(`${server.baseUrl}${someChild}`);
    await small.waitForSelector('html[data-ready="child-record"]');
    expect(await fitsTheScreen(), 'a child\'s record').toBe(true);
    await checkPage(small, 'child-record-phone');
    await small.goto(`${server.baseUrl}${someChild}/chronology`);
    await small.waitForSelector('[data-testid=chronology]');
    expect(await fitsTheScreen(), 'a child\'s chronology').toBe(true);

    await small.goto(`${server.baseUrl}/dashboards`);
    await small.waitForSelector('html[data-ready="dashboard-complete"]');
    expect(await fitsTheScreen(), 'the dashboard').toBe(true);
    await checkPage(small, 'dashboards-phone');

    await small.goto(`${server.baseUrl}/reports`);
    await small.waitForSelector('html[data-ready="reports"]');
    expect(await fitsTheScreen(), 'the reports page').toBe(true);
    await checkPage(small, 'reports-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
