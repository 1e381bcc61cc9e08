/**
 * Case notes in the browser: a social worker records a child protection visit with what was
 * observed and the child's own words, adds a case note to that visit from its chronology entry,
 * finds the note through "Search case notes" in the service navigation and opens it in the child's
 * record. Every new page is checked with axe (WCAG 2.2 AA) and at a phone's width.
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
const pageErrors: string[] = [];
const today = todayInLondon();

interface ApiWorker { workerId: string; name: string; role: string; teamId: string; leftOn?: string; caseload: number }

beforeAll(async () => {
  server = await startServer();
  ({ browser, context, page } = await openDesktopPage(pageErrors));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function apiAsWorker<T>(path: string): Promise<T> {
  const response = await context.request.get(`${server.baseUrl}/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A page at a phone's width, signed in as the worker, that does not scroll sideways and passes axe. */
async function checkAtPhoneWidth(path: string, ready: string, name: string): Promise<void> {
  const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
  const small = await phone.newPage();
  small.on('pageerror', (error) => pageErrors.push(error.message));
  await small.goto(`${server.baseUrl}${path}`);
  await small.waitForSelector(ready);
  expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} fits 390 px`).toBe(true);
  await checkPage(small, name);
  await phone.close();
}

describe('case notes in the browser', () => {
  let childId: string;
  let name: string;

  it('signs in a child protection social worker and opens a child of theirs on a plan', async () => {
    const { workers } = (await (await fetch(`${server.baseUrl}/api/v1/workers`)).json()) as { workers: ApiWorker[] };
    const worker = workers.filter((w) => w.teamId.startsWith('child-protection') && w.role === 'social-worker' && !w.leftOn).sort((a, b) => b.caseload - a.caseload)[0]!;
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.locator(`button[data-worker-id="${worker.workerId}"]`).click();
    await page.waitForSelector('[data-testid=signed-in-as]');
    const { children } = await apiAsWorker<{ children: { childId: string; forename: string; surname: string }[] }>(
      `/children?workerId=${worker.workerId}&involvement=child-protection-plan&limit=50`,
    );
    expect(children.length).toBeGreaterThan(0);
    childId = children[0]!.childId;
    name = `${children[0]!.forename} ${children[0]!.surname}`;
    await page.goto(`${server.baseUrl}/children/${childId}`);
    await page.waitForSelector('html[data-ready="child-record"]');
  });

  it('records a child protection visit with what was observed and the child\'s words, shown in the chronology', async () => {
    await page.locator('[data-testid=record-actions]').getByText('Record a visit', { exact: true }).click();
    await page.waitForSelector('[data-testid=event-form]');
    expect(await page.getByLabel('Child protection').isChecked()).toBe(true);
    await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('Yes').check();
    await page.getByLabel('What did you observe? (optional)').fill('A broken trampoline in the garden; the back door would not lock.');
    await page.getByLabel('What did the child say? (optional)').fill('I hide in the shed when they argue.');
    await checkPage(page, 'record-visit-with-narrative');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');

    await page.goto(`${server.baseUrl}/children/${childId}/chronology?type=visit.made`);
    const latest = page.locator('[data-testid=chronology] li').first();
    await expect.poll(() => latest.textContent()).toContain('The child said: I hide in the shed when they argue.');
    expect(await latest.textContent()).toContain('Observed: A broken trampoline in the garden');
  });

  it('adds a case note to that visit from its chronology entry', async () => {
    const latest = page.locator('[data-testid=chronology] li').first();
    await latest.getByRole('link', { name: /Add a note to this visit/ }).click();
    await page.waitForSelector('[data-testid=event-form]');
    // The visit it came from is chosen already.
    const chosen = await page.getByLabel('Which visit, meeting or decision does it belong to? (optional)').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
    expect(chosen).toBe(`Visit on ${formatDate(today)}`);
    await checkPage(page, 'add-case-note');
    // Saved without its note: the problem is named the GOV.UK way.
    await page.getByLabel('Home visit').check();
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the note');
    await checkPage(page, 'add-case-note-with-errors');

    await page.getByLabel('Who was present? (optional)').fill('Mother\nChild');
    await page.getByLabel('Note', { exact: true }).fill('Walked round the garden with the child. The trampoline netting is torn and the frame is rusted; mother agreed to take it down this week.');
    await page.getByLabel('The child\'s wishes and feelings (optional)').fill('I want to feel safe in my room.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    const note = page.locator('[data-testid=case-note]').first();
    expect(await note.textContent()).toContain('Home visit');
    expect(await note.textContent()).toContain(`Visit on ${formatDate(today)}`);
    expect(await note.textContent()).toContain('Mother, Child');
    expect(await note.locator('[data-testid=voice-of-the-child]').textContent()).toContain('I want to feel safe in my room.');
    await checkPage(page, 'case-notes');
  });

  it('finds the note through Search case notes and opens it in the child\'s record', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search case notes' }).click();
    await page.waitForSelector('html[data-ready="case-note-search"]');
    await checkPage(page, 'search-case-notes');
    await page.getByLabel('Words to search for').fill('trampolines netting');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('[data-testid=case-note-results-count]').textContent()).toMatch(/^1 note matches/);
    const result = page.locator('[data-testid=case-note-results] li').first();
    expect(await result.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['trampoline', 'netting']));
    await checkPage(page, 'search-case-notes-results');
    await result.getByRole('link', { name: new RegExp(`${name}: Home visit`) }).click();
    await page.waitForSelector('[data-testid=case-note]');
    expect(new URL(page.url()).pathname).toBe(`/children/${childId}/case-notes`);
    const opened = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
    expect(await opened.textContent()).toContain('The trampoline netting is torn');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(new URL(page.url()).hash.slice(1));
  });

  it('keeps the notes and the search usable at 390 px', async () => {
    await checkAtPhoneWidth(`/children/${childId}/case-notes`, '[data-testid=case-note]', 'case-notes-phone');
    await checkAtPhoneWidth(`/children/${childId}/case-notes?add`, '[data-testid=event-form]', 'add-case-note-phone');
    await checkAtPhoneWidth('/case-notes?q=trampoline', '[data-testid=case-note-results]', 'search-case-notes-phone');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
