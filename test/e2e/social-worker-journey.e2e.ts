/**
 * A social worker's day in the browser: sign in (keyboard only), My work, find a child by a misspelt
 * name, then a new child from the first contact to a child protection plan and a visit, each step
 * through the forms the record offers. Every page is checked with axe (WCAG 2.2 AA) and photographed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/platform/calendar/calendar.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { checkPage, openDesktopPage, screenshot } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const calendar = createCalendar();
const today = todayInLondon();
const timings: Record<string, number> = {};
const pageErrors: string[] = [];

interface ApiWorker { workerId: string; name: string; role: string; teamId: string; leftOn?: string; caseload: number }

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  const started = Date.now();
  server = await startServer();
  ({ browser, context, page } = await openDesktopPage(pageErrors));
  process.stdout.write(`e2e: server seeded and browser started in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

afterAll(async () => {
  const lines = Object.entries(timings).map(([name, ms]) => `  ${name.padEnd(34)} ${ms} ms`);
  if (lines.length > 0) process.stdout.write(`Time until usable:\n${lines.join('\n')}\n`);
  await browser?.close();
  await server?.close();
});

/** Waits for a page to say it has its data on screen, and answers how long that took from navigation. */
async function readyTime(name: string): Promise<number> {
  await page.waitForSelector(`html[data-ready="${name}"]`);
  const entries = await page.evaluate(() => (window as unknown as { safeguardReady?: { page: string; sinceLoadMs: number; sinceNavigationMs: number }[] }).safeguardReady ?? []);
  const entry = entries.filter((e) => e.page === name).at(-1)!;
  return entry.sinceNavigationMs;
}

/**
 * Waits for a page to say it is ready more than `after` times (0 after a full load) and answers how
 * long that took from navigation: a page that says so twice (figures, then the period before) is
 * not missed however quickly the second follows.
 */
async function nextReadyTime(name: string, after = 0): Promise<number> {
  await page.waitForFunction(([wanted, count]) => ((window as unknown as { safeguardReady?: { page: string }[] }).safeguardReady ?? [])
    .filter((e) => e.page === wanted).length > (count as number), [name, after] as const);
  const entries = await page.evaluate(() => (window as unknown as { safeguardReady?: { page: string; sinceNavigationMs: number }[] }).safeguardReady ?? []);
  return entries.filter((e) => e.page === name).at(-1)!.sinceNavigationMs;
}

/** A request as the signed-in worker (the browser's cookie): answers only what their access allows. */
async function apiAsWorker<T>(path: string): Promise<T> {
  const response = await context.request.get(`${server.baseUrl}/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** Follows the record's offer of an action, fills the form and saves; answers the record page after. */
async function record(title: string, fill: () => Promise<void>, options: { check?: string; expectMessage?: string } = {}): Promise<void> {
  await page.locator('[data-testid=record-actions]').getByText(title, { exact: true }).click();
  await page.waitForSelector('[data-testid=event-form]');
  await expect.poll(() => page.locator('h1').textContent()).toContain(title);
  if (options.check) await checkPage(page, options.check);
  await fill();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('.govuk-notification-banner--success');
  expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(options.expectMessage ?? 'recorded');
}

/** This financial year as the metrics API names it: FY2026-27. */
function financialYearOfToday(): string {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '04-01' ? year : year - 1;
  return `FY${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The financial year before one named as the metrics API names it: FY2025-26 before FY2026-27. */
function previousFinancialYear(period: string): string {
  const start = Number(period.slice(2, 6)) - 1;
  return `FY${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const dueRow = (title: string) => page.locator('[data-testid=child-duties] tr', { hasText: title });

describe('a social worker in the browser', () => {
  let worker: ApiWorker;
  let childId: string;

  it('signs in with the keyboard only, and the header says who, what role and which team', async () => {
    const { workers } = await api<{ workers: ApiWorker[] }>('/workers');
    worker = workers.filter((w) => w.teamId.startsWith('child-protection') && w.role === 'social-worker' && !w.leftOn).sort((a, b) => b.caseload - a.caseload)[0]!;
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.waitForSelector(`button[data-worker-id="${worker.workerId}"]`);
    await checkPage(page, 'sign-in');
    for (let presses = 0; presses < 300; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-worker-id'));
      if (focused === worker.workerId) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-worker-id'))).toBe(worker.workerId);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=signed-in-as]');
    const identity = await page.locator('[data-testid=signed-in-as]').textContent();
    expect(identity).toContain(worker.name);
    expect(identity).toContain('social worker');
    expect(identity).toContain('Safeguarding and family support team');
  });

  it('shows My work: allocated children and what is due, most urgent first, with GOV.UK tags', async () => {
    await page.goto(`${server.baseUrl}/`);
    timings['My work (first load)'] = await readyTime('my-work');
    await checkPage(page, 'my-work');
    const due = await api<{ duties: { state: string; daysLeft?: number }[] }>(`/duties?workerId=${worker.workerId}`);
    const rows = page.locator('[data-testid=due-table] tbody tr');
    expect(await rows.count()).toBe(due.duties.length);
    if (due.duties.length > 1) {
      const tags = await rows.locator('.govuk-tag').allTextContents();
      const overdueSeen = tags.map((tag) => tag.startsWith('Overdue'));
      // Once a row is not overdue, no overdue row follows.
      expect(overdueSeen.indexOf(false) === -1 || !overdueSeen.slice(overdueSeen.indexOf(false)).includes(true)).toBe(true);
    }
    await page.getByText('Filter', { exact: true }).click();
    await page.getByLabel('Overdue only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/overdue=yes/);
    await page.waitForSelector('html[data-ready="my-work"]');
    const tags = await page.locator('[data-testid=due-table] .govuk-tag').allTextContents();
    expect(tags.every((tag) => tag.startsWith('Overdue'))).toBe(true);
    await checkPage(page, 'my-work-overdue-only');
    await page.getByLabel('My team').check();
    await page.getByLabel('Overdue only').uncheck();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/scope=team/);
    await page.waitForSelector('html[data-ready="my-work"]');
    const team = await api<{ duties: unknown[] }>(`/duties?teamId=${worker.teamId}`);
    expect(await page.locator('[data-testid=due-table] tbody tr').count()).toBe(team.duties.length);
    expect(await page.locator('[data-testid=due-table] thead').textContent()).toContain('Worker');
    await checkPage(page, 'my-work-team');
  });

  it('finds a child by a misspelt surname and shows siblings and household', async () => {
    // Only children in the worker's access can be found by them.
    const { children } = await apiAsWorker<{ children: { childId: string; forename: string; surname: string }[] }>('/children?limit=200');
    const target = children.find((c) => c.surname.length >= 6 && /^[A-Za-z]+$/.test(c.surname))!;
    const misspelt = target.surname.slice(0, 2) + target.surname[3] + target.surname[2] + target.surname.slice(4);
    await page.getByRole('link', { name: 'Find a child' }).click();
    await page.getByLabel('Name, LA child id or NHS number').fill(`${target.forename} ${misspelt}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForSelector('[data-testid=result-count]');
    await expect.poll(() => page.locator('[data-testid=search-results]').textContent()).toContain(`${target.forename} ${target.surname}`);
    await checkPage(page, 'find-a-child');
  });

  it('registers a new child with the keyboard only', async () => {
    await page.goto(`${server.baseUrl}/children/new`);
    await page.waitForSelector('[data-testid=event-form]');
    await checkPage(page, 'register-a-child');
    // Tab from the top of the page to the first name, then answer every question with keys alone.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focusedName: string | null = null;
    for (let presses = 0; presses < 40 && focusedName !== 'forename'; presses += 1) {
      await page.keyboard.press('Tab');
      focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
    }
    expect(focusedName).toBe('forename');
    await page.keyboard.type('Keira');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Whitlock');
    await page.keyboard.press('Tab');
    await page.keyboard.type('14');
    await page.keyboard.press('Tab');
    await page.keyboard.type('6');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2019');
    await page.keyboard.press('Tab'); // the sex radios: arrow keys choose within the group
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.type('White British'); // a select picks the option typed
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('N7 6PA');
    for (const _box of ['day', 'month', 'year', 'past the expected date of birth']) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Register the child');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner--success');
    childId = new URL(page.url()).pathname.split('/')[2]!;
    // The server issued the LA child id, in the council's one format.
    expect(childId).toMatch(/^C206\d{7}$/);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(childId);
    expect(await page.locator('h1').textContent()).toContain('Keira Whitlock');
    const child = await api<{ details: { sex: string; ethnicity: string; dateOfBirth: string } }>(`/children/${childId}`);
    expect(child.details).toMatchObject({ sex: 'F', ethnicity: 'WBRI', dateOfBirth: '2019-06-14' });
  });

  it('records a contact and shows the decision due within 1 working day', async () => {
    await checkPage(page, 'child-record-new');
    await record('Record a contact', async () => {
      await page.getByLabel('Who made the contact?').selectOption('school');
      await page.getByLabel('Main reason for the contact').selectOption('domestic-abuse');
      await page.getByLabel('What did they tell you? (optional)').fill('Child disclosed an incident at home to a teacher.');
    }, { check: 'record-contact' });
    const decisionDue = await dueRow('Decide what response a contact needs').locator('[data-testid=due-on]').textContent();
    expect(decisionDue).toBe(formatDate(calendar.addWorkingDays(today, 1)));
  });

  it('records MASH checks and the front door decision', async () => {
    await record('Request a MASH check', async () => { await page.getByLabel('Police').check(); }, { check: 'request-mash-check' });
    await record('Record a MASH check', async () => {
      await page.getByLabel('Police').check();
      await page.getByRole('group', { name: 'Did they hold information' }).getByLabel('Yes').check();
    }, { check: 'complete-mash-check' });
    await record('Decide on the contact', async () => {
      await page.getByLabel("Referral to children's social care").check();
    }, { check: 'decide-on-contact' });
  });

  it('keeps a draft through a reload, and shows API problems the GOV.UK way', async () => {
    await record('Record a referral', async () => {
      // The source is filled in from the contact.
      expect(await page.getByLabel('Source of referral').inputValue()).toBe('2A');
    }, { check: 'record-referral' });
    await record('Allocate a worker', async () => {
      expect(await page.getByLabel('Allocate to').inputValue()).toBe(worker.workerId);
    }, { check: 'allocate-worker' });
    await record('Start the child and family assessment', async () => {}, { check: 'start-assessment' });
    const assessmentDue = await dueRow('Complete the child and family assessment').locator('[data-testid=due-on]').textContent();
    expect(assessmentDue).toBe(formatDate(calendar.addWorkingDays(today, 45)));

    await page.locator('[data-testid=record-actions]').getByText('Complete the assessment', { exact: true }).click();
    await page.waitForSelector('[data-testid=event-form]');
    await checkPage(page, 'complete-assessment');
    await page.getByLabel('Strategy discussion').check();
    await page.reload();
    await page.waitForSelector('[data-testid=event-form]');
    await expect.poll(() => page.getByLabel('Strategy discussion').isChecked()).toBe(true);
    expect(await page.getByText('We restored your unsaved answers').count()).toBe(1);
    // No factor ticked and nobody to authorise: the API names both fields.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await checkPage(page, 'complete-assessment-with-errors');
    const summaryLinks = await page.locator('.govuk-error-summary__list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(summaryLinks).toEqual(expect.arrayContaining(['#factors', '#authorisedByWorkerId']));
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the manager who authorised the assessment');
    expect(await page.locator('#factors-error').count()).toBe(1);
    await page.locator('.govuk-error-summary__list a[href="#factors"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('factors');
    await page.getByLabel('3A: Domestic abuse – child subject').check();
    await page.getByLabel('Authorised by').selectOption(worker.workerId);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
  });

  it('holds a strategy discussion and shows the initial conference due within 15 working days', async () => {
    await record('Record a strategy discussion', async () => {
      await page.getByLabel('Police').check();
      await page.getByLabel('Health').check();
      await page.getByLabel('Yes, start a section 47 enquiry').check();
    }, { check: 'strategy-discussion' });
    const conferenceDue = await dueRow('initial child protection conference').locator('[data-testid=due-on]').textContent();
    expect(conferenceDue).toBe(formatDate(calendar.addWorkingDays(today, 15)));
    await record('Complete the section 47 enquiry', async () => {
      expect(await page.getByLabel('Initial child protection conference').isChecked()).toBe(true);
      await page.getByRole('group', { name: 'Were the concerns substantiated?' }).getByLabel('Yes').check();
    }, { check: 'complete-section-47' });
  });

  it('holds the initial conference: a child protection plan with its core group, review and visits due', async () => {
    const { workers } = await api<{ workers: ApiWorker[] }>('/workers');
    const chair = workers.find((w) => w.role === 'cp-chair' && !w.leftOn)!;
    const started = Date.now();
    await record('Record the initial child protection conference', async () => {
      await page.getByRole('group', { name: 'Is a child protection plan needed?' }).getByLabel('Yes').check();
      await page.getByLabel('Neglect').check();
      await page.getByLabel('Chair').selectOption(chair.workerId);
      await page.getByLabel('Police').check();
    }, { check: 'initial-conference' });
    timings['Save a form and show the record'] = Date.now() - started;
    expect(await page.locator('h1 .govuk-tag').textContent()).toBe('Child protection plan');
    expect(await dueRow('core group').locator('[data-testid=due-on]').textContent()).toBe(formatDate(calendar.addWorkingDays(today, 10)));
    expect(await dueRow('review').locator('[data-testid=due-on]').textContent()).toBe(formatDate(calendar.addMonths(today, 3)));
    await checkPage(page, 'child-record-on-plan');
  });

  it('records a child protection visit, which starts the next visit\'s clock', async () => {
    await record('Record a visit', async () => {
      expect(await page.getByLabel('Child protection').isChecked()).toBe(true);
      await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
      await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
    }, { check: 'record-visit' });
    const duties = await api<{ duties: { ruleId: string; state: string; dueOn: string }[] }>(`/children/${childId}/duties`);
    const nextVisit = duties.duties.filter((d) => d.ruleId.includes('visit') && d.state === 'open').map((d) => d.dueOn);
    expect(nextVisit.length).toBeGreaterThan(0);
    const shown = await page.locator('[data-testid=child-duties]').textContent();
    for (const dueOn of nextVisit) expect(shown).toContain(formatDate(dueOn));
  });

  it('records the child joining a household, whose other children then show as related', async () => {
    // The household of a child the worker may see, so that child shows as related once Keira joins it.
    const { children } = await apiAsWorker<{ children: { childId: string }[] }>('/children?limit=500');
    let householdId: string | undefined;
    for (const other of children) {
      if (other.childId === childId) continue;
      const otherRecord = await apiAsWorker<{ households: { householdId: string; leftOn?: string }[] }>(`/children/${other.childId}`);
      householdId = otherRecord.households.find((h) => !h.leftOn)?.householdId;
      if (householdId) break;
    }
    expect(householdId).toBeDefined();
    await record('Record joining a household', async () => { await page.getByLabel('Household id').fill(householdId!); }, { check: 'join-household' });
    await page.getByRole('link', { name: 'Household and relationships' }).click();
    await page.waitForSelector('[data-testid=related-children]');
    expect(await page.locator('[data-testid=related-children]').textContent()).toContain('Household');
  });

  it('finds the new child by LA child id, as the only result', async () => {
    await page.goto(`${server.baseUrl}/children?q=${childId.toLowerCase()}`);
    await expect.poll(() => page.locator('[data-testid=result-count]').textContent()).toBe('1 child found');
    expect(await page.locator('[data-testid=search-results]').textContent()).toContain('Keira Whitlock');
    await page.getByRole('link', { name: 'Keira Whitlock' }).click();
    await page.waitForSelector('html[data-ready="child-record"]');
  });

  it('shows the chronology with a filter, the episodes and plans, and the household', async () => {
    await page.getByRole('link', { name: 'Chronology' }).click();
    await page.waitForSelector('[data-testid=chronology] li');
    expect(await page.locator('[data-testid=chronology] li').count()).toBe(14);
    await checkPage(page, 'chronology');
    await page.getByLabel('Show').selectOption('visit.made');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('[data-testid=chronology] li').count()).toBe(1);
    await page.getByRole('link', { name: 'Episodes and plans' }).click();
    await page.waitForSelector('.govuk-summary-card');
    expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Child protection plan');
    await checkPage(page, 'episodes-and-plans');
    await page.getByRole('link', { name: 'Household and relationships' }).click();
    await page.waitForSelector('h2:has-text("Relationships")');
    await checkPage(page, 'household');
  });

  it('opens a child\'s record, then My work and the record again from it', async () => {
    await page.goto(`${server.baseUrl}/children/${childId}`);
    timings['Child record (first load)'] = await readyTime('child-record');
    await page.getByRole('link', { name: 'My work' }).click();
    timings['My work (from the record)'] = await readyTime('my-work');
    await page.getByRole('link', { name: 'Keira Whitlock' }).first().click();
    timings['Child record (from My work)'] = await readyTime('child-record');
  });

  it('shows the dashboards for last financial year, by area, with the previous period and England', async () => {
    await page.getByRole('link', { name: 'Dashboards' }).click();
    timings['Dashboard (from the record)'] = await nextReadyTime('dashboard');
    timings['Dashboard, with the period before (from the record)'] = await nextReadyTime('dashboard-complete');
    const childProtection = await page.locator('[data-testid=dashboard-child-protection]').textContent();
    expect(childProtection).toContain('CP-05');
    expect(await page.locator('[data-testid=dashboard-front-door] thead').textContent()).toContain('Previous period');
    await checkPage(page, 'dashboards');
    await page.goto(`${server.baseUrl}/dashboards`);
    timings['Dashboard (first load)'] = await nextReadyTime('dashboard');
    timings['Dashboard, with the period before (first load)'] = await nextReadyTime('dashboard-complete');
    expect(await page.locator('[data-testid=dashboard-front-door] tbody tr').first().locator('td').nth(2).textContent()).not.toBe('…');
  });

  it('chooses a period with the keyboard only', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab to the period's kind: the chosen radio is the group's one stop.
    let focused: string | null = null;
    for (let presses = 0; presses < 60 && focused !== 'kind'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
    }
    expect(focused).toBe('kind');
    await page.keyboard.press('ArrowDown'); // Quarter
    await page.keyboard.press('ArrowDown'); // Month: its list is revealed
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('month');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('month');
    const months = await page.locator('#month option').evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const lastMonth = months[1]!;
    await page.keyboard.press('ArrowDown'); // a select moves to the next month with the arrow key
    expect(await page.locator('#month').inputValue()).toBe(lastMonth.value);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show the figures');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`period=${lastMonth.value}`));
    // The first load of this page said each once.
    timings['Dashboard (another period)'] = await nextReadyTime('dashboard', 1);
    await nextReadyTime('dashboard-complete', 1);
    expect(await page.locator('[data-testid=dashboard-period]').textContent()).toBe(lastMonth.text);
    await checkPage(page, 'dashboards-month');
  });

  it('shows a metric with its breakdown, chart, disproportionality table and trend', async () => {
    await page.goto(`${server.baseUrl}/dashboards`);
    await nextReadyTime('dashboard');
    await page.locator('[data-testid=dashboard-child-protection]').getByRole('link', { name: 'Children on a CP plan at any point in the period, per 10,000', exact: true }).click();
    timings['Metric detail (from the dashboard)'] = await nextReadyTime('metric');
    expect(await page.locator('h1').textContent()).toContain('per 10,000');
    expect(await page.locator('[data-testid=breakdown-chart] svg[role=img] title').textContent()).toContain('by ethnicity');
    expect(await page.locator('[data-testid=breakdown-table] tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=disproportionality-table] thead').textContent()).toContain('Relative rate index (95% CI)');
    expect(await page.locator('[data-testid=disproportionality-table] tbody').textContent()).toMatch(/fewer than 5|\d/);
    expect(await page.locator('[data-testid=trend-table] tbody tr').count()).toBe(6);
    await checkPage(page, 'metric-detail');
    await page.getByLabel('Break down by').selectOption('age-band');
    await page.getByRole('button', { name: 'Show the breakdown' }).click();
    await page.waitForURL(/by=age-band/);
    await nextReadyTime('metric', 1);
    expect(await page.locator('[data-testid=breakdown-table] tbody').textContent()).toContain('10 to 15');
    await checkPage(page, 'metric-detail-by-age');
  });

  it('clicks through from a figure to the children behind it, and on to a child\'s record', async () => {
    // Keira's contact today is in this financial year's contacts, and she is this worker's. A social
    // worker's figures are for months that are over (disclosure control): in April no month of this
    // financial year is, so the figure is last year's, without Keira.
    const thisYearHasAMonthOver = today.slice(5, 7) !== '04';
    const period = thisYearHasAMonthOver ? financialYearOfToday() : previousFinancialYear(financialYearOfToday());
    await page.goto(`${server.baseUrl}/dashboards/FD-01?period=${period}`);
    await nextReadyTime('metric');
    await page.locator('[data-testid=metric-children-link]').click();
    timings['Children behind a figure'] = await nextReadyTime('metric-children');
    const listed = await page.locator('[data-testid=metric-children] tbody tr').count();
    expect(listed).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=metric-children-count]').textContent()).toMatch(/contacts? counted/);
    await checkPage(page, 'metric-children');
    const child = thisYearHasAMonthOver ? page.getByRole('link', { name: 'Keira Whitlock' }).first() : page.locator('[data-testid=metric-children] tbody tr a').first();
    const name = (await child.textContent())!.trim();
    await child.click();
    await page.waitForSelector('html[data-ready="child-record"]');
    expect(await page.locator('h1').textContent()).toContain(name);
  });

  it('opens the annual report page and fetches the report as HTML and PDF', async () => {
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForSelector('[data-testid=report-links]');
    await checkPage(page, 'reports');
    const htmlHref = await page.locator('[data-testid=report-html]').getAttribute('href');
    const pdfHref = await page.locator('[data-testid=report-pdf]').getAttribute('href');
    expect(pdfHref).toContain('format=pdf');
    const html = await context.request.get(`${server.baseUrl}${htmlHref}`);
    expect(html.status()).toBe(200);
    expect(html.headers()['content-type']).toContain('text/html');
    const started = Date.now();
    const pdf = await context.request.get(`${server.baseUrl}${pdfHref}`, { timeout: 120_000 });
    timings['Annual report PDF (prepared)'] = Date.now() - started;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The report as a reader opens it from the page (the API's own page, photographed only: it is not the app's).
    await page.locator('[data-testid=report-html]').click();
    await page.waitForSelector('h1');
    await screenshot(page, 'annual-report');
    // This context bypasses content security policies for axe; a reader's browser applies the API's.
    const reader = await browser.newContext({ storageState: await context.storageState() });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${server.baseUrl}${htmlHref}`);
    const font = await readerPage.evaluate(() => getComputedStyle(document.body).fontFamily);
    process.stdout.write(`e2e: the annual report in a browser applying the API's content security policy has body font ${font}\n`);
    await reader.close();
  }, 180_000);

  it('raised no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
