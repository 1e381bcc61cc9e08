/**
 * Tasks and supervision in the browser: a social worker adds a task from a strategy discussion on
 * a child's record, finds it in My work beside the duties, and completes it; the team's manager
 * records the worker's supervision with a discussion of the child's case, which the child's record
 * then shows as management oversight. Every page is checked with axe (WCAG 2.2 AA) and at a phone's
 * width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { checkPage, openDesktopPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = todayInLondon();
const inAWeek = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
const pageErrors: string[] = [];

interface ApiChild { childId: string; forename: string; surname: string; allocatedWorkerId: string | null; allocatedTeamId: string | null }

/** A child on a child protection plan, allocated, whose record has a strategy discussion; and their worker. */
let child: ApiChild;
let childName: string;
let strategyDiscussionOn: string;
const managerId = 'TM-E2E-1';

const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, init);
  expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
  return (await response.json()) as T;
};

async function signInAs(workerId: string): Promise<void> {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.locator(`button[data-worker-id="${workerId}"]`).click();
  await page.waitForSelector('[data-testid=signed-in-as]');
}

async function fillDate(prefix: string, date: string): Promise<void> {
  await page.locator(`#${prefix}-day`).fill(String(Number(date.slice(8, 10))));
  await page.locator(`#${prefix}-month`).fill(String(Number(date.slice(5, 7))));
  await page.locator(`#${prefix}-year`).fill(date.slice(0, 4));
}

beforeAll(async () => {
  server = await startServer();
  ({ browser, context, page } = await openDesktopPage(pageErrors));

  const { children } = await api<{ children: ApiChild[] }>('/children?involvement=child-protection-plan&limit=200');
  for (const candidate of children.filter((c) => c.allocatedWorkerId)) {
    const record = await api<{ episodes: { strategyDiscussions: { heldOn: string }[] }[] }>(`/children/${candidate.childId}`);
    const discussions = record.episodes.flatMap((episode) => episode.strategyDiscussions);
    if (discussions.length > 0) {
      child = candidate;
      strategyDiscussionOn = discussions.map((d) => d.heldOn).sort().at(-1)!;
      break;
    }
  }
  expect(child, 'a seeded child on a plan with a strategy discussion').toBeDefined();
  childName = `${child.forename} ${child.surname}`;
  // The seeded borough's teams have no managers: the test adds one to the child's worker's team.
  await api('/workers', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workerId: managerId, name: 'Jo Khan', role: 'team-manager', teamId: child.allocatedTeamId, startedOn: '2015-01-05' }),
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tasks and supervision in the browser', () => {
  it('adds a task from the strategy discussion on the child\'s Tasks view', async () => {
    await signInAs(child.allocatedWorkerId!);
    // The chronology's strategy discussion offers a task from it, too.
    await page.goto(`${server.baseUrl}/children/${child.childId}/chronology`);
    await page.waitForSelector('[data-testid=chronology]');
    const fromEntry = page.getByRole('link', { name: 'Add a task from this strategy discussion' }).first();
    expect(await fromEntry.getAttribute('href')).toMatch(new RegExp(`^/children/${child.childId}/record/task\\.set\\?kind=strategy-discussion&source=[0-9a-f-]{36}$`));
    await page.goto(`${server.baseUrl}/children/${child.childId}/tasks`);
    await page.waitForSelector('[data-testid=task-sources]');
    await checkPage(page, 'child-record-tasks');
    await page.getByRole('link', { name: `Add a task from the strategy discussion of ${formatDate(strategyDiscussionOn)}` }).click();
    await page.waitForSelector('[data-testid=event-form]');
    expect(await page.locator('h1').textContent()).toContain('Add a task');
    // What it arose from is filled in from the entry it was added from.
    expect(await page.getByLabel('Strategy discussion').isChecked()).toBe(true);
    await checkPage(page, 'add-a-task');
    await page.getByLabel('What is to be done?').fill('Ask the school for the attendance record since September');
    await fillDate('dueOn', inAWeek);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    await page.goto(`${server.baseUrl}/children/${child.childId}/tasks`);
    await page.waitForSelector('[data-testid=open-tasks]');
    expect(await page.locator('[data-testid=open-tasks]').textContent()).toContain('Ask the school for the attendance record since September');
  });

  it('shows the task in My work beside the duties, and completes it from there', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('[data-testid=task-table]');
    const row = page.locator('[data-testid=task-table] tbody tr', { hasText: 'Ask the school for the attendance record since September' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(childName);
    expect(await row.textContent()).toContain(formatDate(inAWeek));
    await checkPage(page, 'my-work-with-tasks');
    await row.getByRole('link', { name: /^Complete/ }).click();
    await page.waitForSelector('[data-testid=event-form]');
    expect(await page.locator('h1').textContent()).toContain('Complete the task');
    await checkPage(page, 'complete-a-task');
    await page.getByLabel('What was done?').fill('The school sent the record: attendance 82% this term');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');

    await page.goto(`${server.baseUrl}/children/${child.childId}/tasks`);
    await page.waitForSelector('[data-testid=closed-tasks]');
    expect(await page.locator('[data-testid=closed-tasks]').textContent()).toContain('attendance 82% this term');
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('html[data-ready="my-work"]');
    await expect.poll(() => page.locator('[data-testid=task-table] tbody tr', { hasText: 'Ask the school for the attendance record' }).count()).toBe(0);
  });

  it('lets the team manager record the worker\'s supervision, and the child\'s record shows the discussion as oversight', async () => {
    // Development sign-in as the manager added for the test (the sign-in page lists the workers it loaded with).
    expect((await context.request.post(`${server.baseUrl}/api/v1/dev/sign-in`, { data: { workerId: managerId } })).status()).toBe(200);
    await page.goto(`${server.baseUrl}/supervision`);
    await page.waitForSelector('html[data-ready="supervision"]');
    await checkPage(page, 'supervision');
    await page.getByLabel('Worker supervised').selectOption(child.allocatedWorkerId!);
    await page.waitForSelector(`legend:has-text("${childName}")`);
    await fillDate('heldOn', today);
    await page.getByLabel('The worker\'s wellbeing, workload and learning (optional)').fill('Caseload is manageable; court skills training booked');
    await page.getByLabel(`What was discussed about ${child.forename}?`).fill('Attendance is improving; the father has not been seen at home');
    await checkPage(page, 'record-supervision');
    await page.getByRole('button', { name: 'Record supervision' }).click();
    await page.waitForSelector('.govuk-notification-banner--success, .govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').count(), (await page.locator('.govuk-error-summary').first().textContent().catch(() => '')) ?? '').toBe(0);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('1 case discussed');
    const worker = page.locator('[data-testid=supervision-workers] tbody tr', { hasText: formatDate(today) });
    expect(await worker.count()).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/children/${child.childId}/oversight`);
    await page.waitForSelector('[data-testid=case-discussion]');
    expect(await page.locator('[data-testid=case-discussion]').first().textContent()).toContain('the father has not been seen at home');
    await checkPage(page, 'child-record-oversight');
  });

  it('keeps My work, the Tasks view and the Supervision page usable at 390 px wide', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    for (const [path, ready, name] of [
      ['/supervision', 'html[data-ready="supervision"]', 'supervision-phone'],
      [`/children/${child.childId}/tasks`, 'h2:has-text("Open tasks")', 'child-record-tasks-phone'],
    ] as const) {
      await small.goto(`${server.baseUrl}${path}`);
      await small.waitForSelector(ready);
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits 390 px`).toBe(true);
      await checkPage(small, name);
    }
    // My work's tasks (the worker's): their table scrolls within the page rather than widening it.
    expect((await phone.request.post(`${server.baseUrl}/api/v1/dev/sign-in`, { data: { workerId: child.allocatedWorkerId } })).status()).toBe(200);
    await small.goto(`${server.baseUrl}/`);
    await small.waitForSelector('html[data-ready="my-work"]');
    await small.waitForSelector('h2:has-text("Tasks")');
    const tasksFit = await small.evaluate(() => [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Tasks')!.getBoundingClientRect().right <= window.innerWidth
      && [...document.querySelectorAll('[data-testid=task-table]')].every((table) => table.closest('.app-table-scroll')!.getBoundingClientRect().right <= window.innerWidth));
    expect(tasksFit, 'My work\'s tasks fit 390 px').toBe(true);
    await checkPage(small, 'my-work-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
