import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from './server.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SAFEGUARD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
}

/**
 * A browser with one desktop-sized page in London time, whose script errors are collected in
 * `pageErrors`. The content security policy is bypassed because axe is injected as an inline script.
 */
export async function openDesktopPage(pageErrors: string[], options: { acceptDownloads?: boolean } = {}): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, context, page };
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * For a browser test file: the real application on a seeded database (see startServer) and a
 * desktop page whose script errors go to `pageErrors` (see openDesktopPage), opened before the
 * file's tests and handed to `ready` (which keeps them, and may set up records), closed after them.
 */
export function seededBrowserSession(
  pageErrors: string[],
  ready: (session: BrowserSession) => void | Promise<void>,
  options: { server?: Parameters<typeof startServer>[0]; timeout?: number } = {},
): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options.server);
    const opened = await openDesktopPage(pageErrors);
    browser = opened.browser;
    await ready({ server, ...opened });
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** A worker as GET /api/v1/workers lists them. */
export interface ApiWorker { workerId: string; name: string; role: string; teamId: string; leftOn?: string }

/** A worker of the seeded borough in a role who has not left. */
export async function currentWorker(server: RunningServer, role: string): Promise<ApiWorker | undefined> {
  const { workers } = (await (await fetch(`${server.baseUrl}/api/v1/workers`)).json()) as { workers: ApiWorker[] };
  return workers.find((w) => w.role === role && !w.leftOn);
}

/** Signs in on the demonstration's sign-in page as one of the simulated workers. */
export async function signInAs(page: Page, server: RunningServer, workerId: string): Promise<void> {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.locator(`button[data-worker-id="${workerId}"]`).click();
  await page.waitForSelector('[data-testid=signed-in-as]');
}

/**
 * Registers a child through the new-child form (the first sex listed, the first ethnicity), after
 * `first` fills anything else the test needs, and answers the child's id from the record it opens.
 */
export async function registerChild(page: Page, server: RunningServer, child: { forename: string; surname: string; dateOfBirth: string }, first?: () => Promise<void>): Promise<string> {
  await page.goto(`${server.baseUrl}/children/new`);
  await page.waitForSelector('[data-testid=event-form]');
  await first?.();
  await page.getByLabel('First name').fill(child.forename);
  await page.getByLabel('Last name').fill(child.surname);
  await page.locator('#dateOfBirth-day').fill(String(Number(child.dateOfBirth.slice(8, 10))));
  await page.locator('#dateOfBirth-month').fill(String(Number(child.dateOfBirth.slice(5, 7))));
  await page.locator('#dateOfBirth-year').fill(child.dateOfBirth.slice(0, 4));
  await page.getByRole('group', { name: 'Sex' }).getByRole('radio').first().check();
  await page.getByLabel('Ethnicity').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Register the child' }).click();
  await page.waitForSelector('.govuk-notification-banner--success');
  return new URL(page.url()).pathname.split('/')[2]!;
}

/**
 * Follows the record's offer of an action, checks the form (when `check` names it), fills it and
 * saves; the record page shows after.
 */
export async function recordThroughForm(page: Page, title: string, fill: () => Promise<void>, check?: string): Promise<void> {
  await page.locator('[data-testid=record-actions]').getByText(title, { exact: true }).click();
  await page.waitForSelector('[data-testid=event-form]');
  await expect.poll(() => page.locator('h1').textContent()).toContain(title);
  if (check) await checkPage(page, check);
  await fill();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('.govuk-notification-banner--success');
  expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('recorded');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe with the WCAG 2.2 AA rules on the page as it is, and fails on any violation. */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  expect(violations, `axe violations on ${pageName}`).toEqual([]);
}

const artefactsDir = path.resolve('artefacts/screenshots');
const docsDir = process.env.SAFEGUARD_SCREENSHOTS ? path.resolve(process.env.SAFEGUARD_SCREENSHOTS) : undefined;
/** The pages shown in the documentation: the first screen of each, to keep the files small. */
const documentedPages = new Set(['sign-in', 'my-work', 'find-a-child', 'child-record-on-plan', 'record-contact', 'complete-assessment-with-errors',
  'record-visit', 'chronology', 'episodes-and-plans', 'household', 'dashboards', 'metric-detail', 'metric-children', 'reports',
  'sign-in-wrong-password', 'restricted-record', 'access-log', 'alerts']);

/** A screenshot of the whole page into artefacts/screenshots (and the documented ones into docs/screenshots for `npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artefactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
  if (docsDir && documentedPages.has(name)) {
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: path.join(docsDir, `${name}.png`), fullPage: false });
  }
}

/** Every page a person sees is checked the same way: accessible, and photographed. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await screenshot(page, name);
}
