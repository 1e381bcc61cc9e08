/**
 * The speed targets on the embedded database: a child's record with 500 events, My work
 * with at least 300 duties, and a dashboard each usable within one second of navigation.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInterchangeFile } from '../../src/interchange/import.ts';
import { todayInLondon } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { timescalesFrom } from '../../src/platform/http/services.ts';
import { allocated, assessmentStarted, contact, contactDecided, referral, registered, toNdjson, visit } from '../support/event-builders.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const today = todayInLondon();
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const workerId = 'w-speed-1';
const bigChild = 'SPEED500';
const timings: Record<string, number> = {};
let server: RunningServer;
let browser: Browser;
let page: Page;
let dir: string;

function opened(childId: string, start: string, visits: number) {
  const received = contact(childId, `${addDays(start, 1)}T10:00:00Z`);
  return [
    registered(childId, { at: start, dateOfBirth: '2015-06-01' }),
    received,
    contactDecided(childId, `${addDays(start, 2)}T10:00:00Z`, { contactId: received.eventId }),
    referral(childId, addDays(start, 2), { contactId: received.eventId }),
    allocated(childId, `${addDays(start, 3)}T09:00:00Z`, workerId, 't-speed'),
    assessmentStarted(childId, addDays(start, 3)),
    ...Array.from({ length: visits }, (_, index) => visit(childId, addDays(start, 4 + index), { kind: 'assessment', seenAlone: true })),
  ];
}

async function readyTime(name: string): Promise<number> {
  // A page may say it is ready more than once (a dashboard: figures, then the period before).
  await page.waitForFunction((wanted) => ((window as unknown as { safeguardReady?: { page: string }[] }).safeguardReady ?? []).some((e) => e.page === wanted), name);
  const entries = await page.evaluate(() => (window as unknown as { safeguardReady?: { page: string; sinceNavigationMs: number }[] }).safeguardReady ?? []);
  return entries.filter((e) => e.page === name).at(-1)!.sinceNavigationMs;
}

beforeAll(async () => {
  server = await startServer({ children: 300 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-speed-'));
  const file = path.join(dir, 'speed.ndjson');
  writeFileSync(file, toNdjson([
    { record: 'team', laCode: '206', teamId: 't-speed', name: 'Speed team', service: 'children-in-need' },
    { record: 'worker', laCode: '206', workerId, name: 'Sam Speed', role: 'social-worker', teamId: 't-speed', agency: 'childrens-social-care', startedOn: '2020-01-01' },
    ...opened(bigChild, addDays(today, -520), 494),
    ...Array.from({ length: 310 }, (_, index) => opened(`SPEED${index}`, addDays(today, -10 - (index % 30)), 1)).flat(),
  ]));
  const context = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
  const result = await importInterchangeFile(server.db, file, context, timescalesFrom(loadConfig({ SAFEGUARD_LA_CODE: '206' })));
  expect(result.problems.slice(0, 3)).toEqual([]);
  browser = await launchBrowser();
  const browserContext = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: 'Europe/London' });
  page = await browserContext.newPage();
});

afterAll(async () => {
  const lines = Object.entries(timings).map(([name, ms]) => `  ${name.padEnd(40)} ${ms} ms`);
  if (lines.length > 0) process.stdout.write(`Speed targets, time until usable:\n${lines.join('\n')}\n`);
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the speed targets in the browser', () => {
  it('shows the record with 500 events, My work with 300 duties and a dashboard within a second each', async () => {
    const chronology = await (await fetch(`${server.baseUrl}/api/v1/children/${bigChild}/chronology`)).json() as { entries: unknown[] };
    const duties = await (await fetch(`${server.baseUrl}/api/v1/duties?workerId=${workerId}`)).json() as { items?: unknown[]; duties?: unknown[] };
    const dutyCount = (duties.items ?? duties.duties ?? []).length;
    process.stdout.write(`speed: ${chronology.entries.length} events on the record, ${dutyCount} open duties for the worker\n`);
    expect(chronology.entries.length).toBeGreaterThanOrEqual(500);
    expect(dutyCount).toBeGreaterThanOrEqual(300);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.click(`button[data-worker-id="${workerId}"]`);
    await page.waitForSelector('[data-testid=signed-in-as]');
    await page.goto(`${server.baseUrl}/`);
    timings['My work (300+ duties)'] = await readyTime('my-work');
    await page.goto(`${server.baseUrl}/children/${bigChild}`);
    timings['Child record (500 events)'] = await readyTime('child-record');
    await page.goto(`${server.baseUrl}/dashboards`);
    timings['Dashboard'] = await readyTime('dashboard');
    for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(1_000);
  });
});
