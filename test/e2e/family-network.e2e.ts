/**
 * The family network in the browser: a social worker registers a child in a household, adds the
 * child's mother with parental responsibility, sees her on the Family and network view, the
 * household page and its genogram (drawn as SVG, with the same as a table), moves the household,
 * raises a risk-to-staff flag and sees it at the top of the record, then removes it. Every page is
 * checked with axe (WCAG 2.2 AA) and at a phone's width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/platform/clock.ts';
import { checkPage, currentWorker, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const pageErrors: string[] = [];
const householdId = `H-E2E-${Date.now() % 100000}`;

seededBrowserSession(pageErrors, (session) => {
  ({ server, browser, context, page } = session);
}, { server: { children: 600 } });

async function saveForm(title: string, fill: () => Promise<void>, check: string): Promise<void> {
  await page.locator('[data-testid=record-actions]').getByText(title, { exact: true }).click();
  await page.waitForSelector('[data-testid=event-form]');
  await checkPage(page, check);
  await fill();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('.govuk-notification-banner--success');
}

async function fillDate(prefix: string, date: string) {
  await page.locator(`[id="${prefix}-day"]`).fill(String(Number(date.slice(8, 10))));
  await page.locator(`[id="${prefix}-month"]`).fill(String(Number(date.slice(5, 7))));
  await page.locator(`[id="${prefix}-year"]`).fill(date.slice(0, 4));
}

describe('the family network in the browser', () => {
  let childId: string;

  it('registers a child and records them joining a household', async () => {
    const worker = (await currentWorker(server, 'social-worker'))!;
    await signInAs(page, server, worker.workerId);
    await page.goto(`${server.baseUrl}/children/new`);
    await page.waitForSelector('[data-testid=event-form]');
    await page.getByLabel('First name').fill('Tomas');
    await page.getByLabel('Last name').fill('Wojcik');
    await fillDate('dateOfBirth', '2015-04-12');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Male', { exact: true }).check();
    await page.getByLabel('Ethnicity').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Register the child' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    childId = new URL(page.url()).pathname.split('/')[2]!;
    await saveForm('Record joining a household', async () => {
      await page.getByLabel('Household id').fill(householdId);
    }, 'record-household-joined');
  });

  it('adds the child\'s mother with parental responsibility, and shows her on the Family and network view', async () => {
    await page.getByRole('navigation', { name: 'Child record' }).getByRole('link', { name: 'Family and network' }).click();
    await page.waitForSelector('[data-testid=genogram]');
    await checkPage(page, 'family-network-empty');
    await page.getByRole('button', { name: 'Add a parent, carer or other adult' }).click();
    await page.waitForSelector('[data-testid=add-adult-form]');
    // Saving with nothing answered names each missing answer.
    await page.getByRole('button', { name: 'Add to the network' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter their first name');
    await checkPage(page, 'add-adult-with-errors');
    await page.getByLabel('First name').fill('Anna');
    await page.getByLabel('Last name').fill('Wojcik');
    await fillDate('adult.dateOfBirth', '1988-07-30');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female', { exact: true }).check();
    await page.getByLabel('Relationship to the child').selectOption('mother');
    await page.getByRole('group', { name: /parental responsibility/ }).getByLabel('Yes').check();
    await page.getByRole('group', { name: /live with/ }).getByLabel('Yes').check();
    await page.getByLabel('Telephone (optional)').fill('07700 900456');
    await page.getByRole('group', { name: 'Do they need an interpreter?' }).getByLabel('Yes').check();
    await page.getByLabel('If so, in which language?').fill('Polish');
    await page.getByRole('button', { name: 'Add to the network' }).click();
    await page.waitForSelector('[data-testid=adults]');
    const row = page.locator('[data-testid=adults] tbody tr', { hasText: 'Anna Wojcik' });
    await expect.poll(() => row.textContent()).toContain('Mother');
    const cells = await row.locator('td').allTextContents();
    expect(cells[2]).toBe('Yes');
    expect(cells[4]).toContain('Interpreter needed: Polish');
    await page.waitForSelector('[data-testid=genogram] svg circle');
    expect(await page.locator('[data-testid=genogram] svg').getAttribute('role')).toBe('img');
    expect(await page.locator('[data-testid=genogram] desc').textContent()).toContain('Anna Wojcik (female; Mother of Tomas Wojcik (parental responsibility), lives with them)');
    expect(await page.locator('[data-testid=genogram] svg rect').count()).toBe(1);
    await checkPage(page, 'family-network');

    await row.getByRole('link', { name: 'Anna Wojcik' }).click();
    await page.waitForSelector('[data-testid=adult-details]');
    expect(await page.locator('[data-testid=adult-details]').textContent()).toContain('Needed: Polish');
    expect(await page.locator('[data-testid=adult-links]').textContent()).toContain(`${childId}: Mother, with parental responsibility, lives with them`);
    await checkPage(page, 'adult');
    await page.goBack();
    await page.waitForSelector('[data-testid=adults]');
  });

  it('shows the household page with its members and genogram, and moves the household', async () => {
    await page.getByRole('link', { name: `Household ${householdId}` }).click();
    await page.waitForSelector('[data-testid=household-members]');
    const members = await page.locator('[data-testid=household-members] tbody tr').allTextContents();
    expect(members.some((m) => m.includes('Tomas Wojcik') && m.includes('Child'))).toBe(true);
    expect(members.some((m) => m.includes('Anna Wojcik') && m.includes('Mother of Tomas Wojcik (parental responsibility)'))).toBe(true);
    expect(await page.locator('[data-testid=genogram-table] tbody tr').count()).toBe(2);
    await checkPage(page, 'household');

    await page.getByRole('link', { name: 'Change the household\'s address' }).click();
    await page.waitForSelector('[data-testid=move-household-form]');
    await checkPage(page, 'move-household');
    await page.getByLabel('Address line 1').fill('27 Orchard Way');
    await page.getByLabel('Postcode').fill('SE15 4AA');
    await fillDate('movedOn', today);
    await page.getByRole('button', { name: 'Record the move' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('1 child and 1 adult');
    await expect.poll(() => page.locator('[data-testid=household-address]').textContent()).toContain('27 Orchard Way, SE15 4AA');
  });

  it('raises a risk-to-staff flag and shows it at the top of the record, then removes it', async () => {
    await page.goto(`${server.baseUrl}/children/${childId}/family-network`);
    await page.waitForSelector('[data-testid=address-history]');
    expect(await page.locator('[data-testid=address-history] tbody tr').first().textContent()).toContain('27 Orchard Way');
    await page.getByRole('link', { name: 'Raise a flag' }).click();
    await page.waitForSelector('[data-testid=event-form]');
    await checkPage(page, 'raise-flag');
    await page.getByLabel('Risk to visiting staff').check();
    await page.getByLabel('Why is the flag raised?').fill('The child\'s uncle threatened a visiting worker: visit in pairs.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('[data-testid=flags]');
    expect(await page.locator('[data-testid=flags]').textContent()).toContain('Risk to visiting staff');
    await checkPage(page, 'child-record-with-flag');

    await page.goto(`${server.baseUrl}/children/${childId}/family-network`);
    await page.waitForSelector('[data-testid=active-flags]');
    await page.getByRole('link', { name: 'Remove the flag Risk to visiting staff' }).click();
    await page.waitForSelector('[data-testid=remove-flag-form]');
    await checkPage(page, 'remove-flag');
    await fillDate('occurredAt', today);
    await page.getByLabel('Why is the flag removed?').fill('Reviewed with the team manager: the uncle has moved away.');
    await page.getByRole('button', { name: 'Remove the flag' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    await expect.poll(() => page.locator('[data-testid=active-flags]').count()).toBe(0);
  });

  it('keeps the Family and network view and the household page usable at 390 pixels', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    for (const [url, ready, name] of [[`/children/${childId}/family-network`, '[data-testid=genogram] svg circle', 'family-network-phone'], [`/households/${householdId}`, '[data-testid=household-members]', 'household-phone']] as const) {
      await small.goto(`${server.baseUrl}${url}`);
      await small.waitForSelector(ready);
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} fits`).toBe(true);
      const svgWidth = await small.locator('[data-testid=genogram] svg').evaluate((svg) => svg.getBoundingClientRect().width);
      expect(svgWidth).toBeLessThanOrEqual(390);
      await checkPage(small, name);
    }
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
