/**
 * The largest record and caseload the web app is expected to show, on the embedded database (or a
 * new database on the server when DATABASE_URL is set): a child's record with 500 events shows
 * every one in its chronology, My work lists the worker's 300 and more duties, and the dashboard
 * shows its figures beside the period before. Nothing here is timed: how long these pages take,
 * beside a bare page in the same run, is bench/pages.ts's to measure.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { importLargeRecord, largeRecord } from './support/large-record.ts';
import { startServer, type RunningServer } from './support/server.ts';

const { workerId, childId } = largeRecord;
let server: RunningServer;
let browser: Browser;
let page: Page;

/** Waits until a page says it has its data on screen (a dashboard says so twice: figures, then the period before). */
async function ready(name: string): Promise<void> {
  await page.waitForFunction((wanted) => ((window as unknown as { safeguardReady?: { page: string }[] }).safeguardReady ?? []).some((e) => e.page === wanted), name);
}

beforeAll(async () => {
  server = await startServer({ children: 300 });
  await importLargeRecord(server);
  browser = await launchBrowser();
  const browserContext = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: 'Europe/London' });
  page = await browserContext.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.click(`button[data-worker-id="${workerId}"]`);
  await page.waitForSelector('[data-testid=signed-in-as]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the pages with the largest record and caseload', () => {
  it('holds 500 events on the record and 300 or more open duties for the worker', async () => {
    const chronology = await (await fetch(`${server.baseUrl}/api/v1/children/${childId}/chronology`)).json() as { entries: unknown[] };
    const duties = await (await fetch(`${server.baseUrl}/api/v1/duties?workerId=${workerId}`)).json() as { duties: unknown[] };
    expect(chronology.entries).toHaveLength(largeRecord.events);
    expect(duties.duties.length).toBeGreaterThanOrEqual(300);
  });

  it('lists every one of the worker\'s 300 and more duties on My work, for all their children', async () => {
    await page.goto(`${server.baseUrl}/`);
    await ready('my-work');
    const rows = await page.locator('[data-testid=due-table] tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(300);
    const summary = (await page.locator('[data-testid=work-summary]').textContent())!;
    const [overdue, due, children] = [...summary.matchAll(/\d+/g)].map((m) => Number(m[0]));
    expect(overdue! + due!, summary).toBe(rows);
    expect(children, summary).toBe(largeRecord.children);
  });

  it('shows the record with 500 events, and all 500 in its chronology', async () => {
    await page.goto(`${server.baseUrl}/children/${childId}`);
    await ready('child-record');
    expect(await page.locator('[data-testid=child-duties]').count()).toBe(1);
    await page.getByRole('link', { name: 'Chronology', exact: true }).click();
    await page.waitForSelector('[data-testid=chronology]');
    expect(await page.getByText(`${largeRecord.events} entries, newest first.`).count()).toBe(1);
    expect(await page.locator('[data-testid=chronology] > li').count()).toBe(largeRecord.events);
  });

  it('keeps the record on screen when one module\'s part of it cannot be drawn, and says which', async () => {
    // A record whose management oversight part is malformed, as a fault in one module could leave it.
    const recordAddress = `${server.baseUrl}/api/v1/children/${childId}`;
    await page.route(recordAddress, async (route) => {
      const response = await route.fetch();
      const record = await response.json() as Record<string, unknown>;
      await route.fulfill({ response, json: { ...record, managementOversight: { items: 'not a list', oversight: 'not a list' } } });
    });
    const reported: string[] = [];
    page.on('pageerror', (error) => reported.push(error.message));
    try {
      await page.goto(`${server.baseUrl}/children/${childId}`);
      await page.waitForSelector('[data-testid=part-failed]');
      expect(await page.locator('[data-testid=part-failed]').textContent()).toContain('the management oversight part of this record');
      expect(await page.locator('[data-testid=child-duties]').count()).toBe(1);
      // The failure is still reported, as an uncaught error would be.
      await expect.poll(() => reported.length).toBeGreaterThan(0);
    } finally {
      await page.unroute(recordAddress);
    }
  });

  it('shows the dashboard\'s figures, then the period before', async () => {
    await page.goto(`${server.baseUrl}/dashboards`);
    await ready('dashboard');
    expect(await page.locator('[data-testid=dashboard-child-protection]').textContent()).toContain('CP-05');
    await ready('dashboard-complete');
    const previous = page.locator('[data-testid=dashboard-front-door] tbody tr').first().locator('td').nth(2);
    expect(await previous.textContent()).not.toBe('…');
  });
});
