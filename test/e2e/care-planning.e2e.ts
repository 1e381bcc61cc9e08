/**
 * Care planning in the browser: on a child looked after in the seeded borough, the child's social
 * worker records a looked-after review with the child's participation and a visit at which the
 * child was seen alone, through the forms the record offers; the record shows them and the next
 * review and visit due, and the IRO worklist lists the child with the next review. Every page is
 * checked with axe (WCAG 2.2 AA) at a desktop's width and at 390 px, and photographed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { reviewRuleIds, visitRuleIds } from '../../src/modules/care-planning/timescales.ts';
import { checkPage, recordThroughForm, seededBrowserSession, signInAs } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const pageErrors: string[] = [];

interface ListedChild { childId: string; forename: string; surname: string; allocatedWorkerId: string | null }

seededBrowserSession(pageErrors, (session) => {
  ({ server, browser, context, page } = session);
});

const record = (title: string, fill: () => Promise<void>, check: string) => recordThroughForm(page, title, fill, check);

/** The child's open duties of some rules, from the API, the earliest first. */
async function nextDue(childId: string, ruleIds: readonly string[]): Promise<string> {
  const summary = await page.evaluate(async (url) => (await fetch(url)).json(), `${server.baseUrl}/api/v1/children/${childId}`) as { duties: { ruleId: string; dueOn: string }[] };
  return summary.duties.filter((duty) => ruleIds.includes(duty.ruleId)).map((duty) => duty.dueOn).sort()[0]!;
}

describe('care planning in the browser', () => {
  let child: ListedChild;
  let name: string;

  it('signs in the social worker of a child looked after in the seeded borough', async () => {
    const { children } = (await (await fetch(`${server.baseUrl}/api/v1/children?involvement=looked-after&limit=500`)).json()) as { children: ListedChild[] };
    child = children.find((c) => c.allocatedWorkerId !== null)!;
    expect(child).toBeDefined();
    name = `${child.forename} ${child.surname}`;
    await signInAs(page, server, child.allocatedWorkerId!);
    await page.goto(`${server.baseUrl}/children/${child.childId}`);
    await page.waitForSelector('html[data-ready="child-record"]');
    expect(await page.locator('h1').textContent()).toContain(name);
    await expect.poll(() => page.locator('[data-testid=care-planning-card]').count()).toBe(1);
  });

  it('records a looked-after review with the child\'s participation, and shows the next review due', async () => {
    await record('Record a looked-after review', async () => {
      await page.getByLabel('PN1: Child physically attends and speaks for themselves').check();
      await page.getByLabel('Recommendations (optional)').fill('Keep family time weekly; refer for a dental check.');
    }, 'record-looked-after-review');
    const card = page.locator('[data-testid=care-planning-card]');
    await expect.poll(() => card.textContent()).toContain(`${formatDate(today)} (review`);
    const reviewDue = await nextDue(child.childId, reviewRuleIds);
    expect(reviewDue > today).toBe(true);
    expect(await card.textContent()).toContain(`Next review due${formatDate(reviewDue)}`);
    await checkPage(page, 'child-record-after-review');
  });

  it('records a visit at which the child was seen alone, and shows the next visit due', async () => {
    await record('Record a visit to the child looked after', async () => {
      await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
      await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
      await page.getByLabel('In the placement').check();
    }, 'record-looked-after-visit');
    const card = page.locator('[data-testid=care-planning-card]');
    await expect.poll(() => card.textContent()).toContain(`${formatDate(today)}: seen alone, in the placement`);
    const visitDue = await nextDue(child.childId, visitRuleIds);
    expect(visitDue > today).toBe(true);
    expect(await card.textContent()).toContain(`Next visit due${formatDate(visitDue)}`);

    await page.goto(`${server.baseUrl}/children/${child.childId}/reviews-visits-and-health`);
    await page.waitForSelector('[data-testid=care-planning-reviews]');
    const reviews = await page.locator('[data-testid=care-planning-reviews] tbody tr').allTextContents();
    expect(reviews[0]).toContain(formatDate(today));
    expect(reviews[0]).toContain('PN1');
    const visits = await page.locator('[data-testid=care-planning-visits] tbody tr').allTextContents();
    expect(visits[0]).toContain(formatDate(today));
    expect(visits[0]).toContain('Seen alone');
    expect(await page.locator('[data-testid=care-planning-next-visit]').textContent()).toContain(formatDate(visitDue));
    await checkPage(page, 'child-record-reviews-visits-and-health');
  });

  it('lists the child on the IRO worklist with the next review due', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'IRO reviews' }).click();
    await page.waitForSelector('html[data-ready="iro-worklist"]');
    await page.locator('#iro').selectOption('all');
    const row = page.locator('[data-testid=iro-worklist] tbody tr', { hasText: name });
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toContain(formatDate(await nextDue(child.childId, reviewRuleIds)));
    await checkPage(page, 'iro-worklist');
  });

  it('keeps the record\'s view and the worklist usable at 390 px', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children/${child.childId}/reviews-visits-and-health`);
    await small.waitForSelector('[data-testid=care-planning-reviews]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'child-record-reviews-visits-and-health-phone');
    await small.goto(`${server.baseUrl}/children`);
    await small.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).click();
    await small.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'IRO reviews' }).click();
    await small.waitForSelector('html[data-ready="iro-worklist"]');
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'iro-worklist-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
