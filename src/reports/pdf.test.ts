import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsEngine } from '../analytics/engine.ts';
import { appOn, LA_CODE } from '../analytics/test-support.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../platform/database/database.ts';
import { DomainError } from '../platform/errors.ts';
import { testDatabaseTargets } from '../../test/support/test-database.ts';
import { buildAnnualReport } from './annual-report.ts';
import { renderAnnualReportHtml } from './html.ts';
import { createServices } from '../app/services.ts';
import { createApp } from '../app/server.ts';
import { chromiumPath, htmlToPdf, isChromiumInstalled, PDF_CONCURRENCY, PDF_RETRY_AFTER_SECONDS, PDF_WAITING, WorkQueue } from './pdf.ts';

const chromium = chromiumPath();
const chromiumInstalled = await isChromiumInstalled(chromium);
if (!chromiumInstalled) {
  // Skipped, not passed: a machine without the browser cannot say whether the PDF is right.
  console.warn(`PDF tests SKIPPED: no Chromium at ${chromium} (apt-get install chromium, or set SAFEGUARD_CHROMIUM)`);
}

/** Pages in a PDF: its page objects (Chromium writes them uncompressed). */
const pagesIn = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('the annual report as PDF', () => {
  it('says plainly that a PDF needs Chromium, and how to install it, when it is missing', async () => {
    const error = await htmlToPdf('<!DOCTYPE html><html lang="en-GB"><title>x</title></html>', { chromium: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/A PDF needs Chromium, which is not installed at \/nonexistent\/chromium\. Install it with `apt-get install chromium`/);
  });
});

describe.each(testDatabaseTargets)('the annual report as PDF on $name', (target) => {
  let db: Database;

  beforeAll(async () => {
    db = await target.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!chromiumInstalled)('prints the HTML to an A4 PDF of several pages, a page for each section', async () => {
    const config = loadConfig({ SAFEGUARD_LA_CODE: LA_CODE });
    const engine = new MetricsEngine({ db: db.pool, context: { laCode: LA_CODE, actor: config.developmentActor, correlationId: 'pdf-test' }, calendar: createCalendar(), today: () => '2024-06-30' });
    const report = await buildAnnualReport(engine, { from: '2022-09-01', to: '2024-03-31', laCode: LA_CODE, runOn: '2024-06-30' });
    const pdf = await htmlToPdf(await renderAnnualReportHtml(report));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The cover, the contents, "About this report", each section on its own page, the definitions.
    expect(pagesIn(pdf)).toBeGreaterThanOrEqual(report.sections.length + 3);
    // A4 is 595 × 842 points (Chromium rounds to whole pixels: 595.92 × 842.88).
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[56]\.\d+ 84[23]\.\d+\]/);
  }, 120_000);

  it.skipIf(!chromiumInstalled)('is answered by the API with format=pdf as application/pdf', async () => {
    const app = appOn(db);
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/reports/annual?from=2023-04-01&to=2024-03-31&format=pdf' });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pagesIn(response.rawPayload)).toBeGreaterThan(5);
    } finally {
      await app.close();
    }
  }, 120_000);
});

/** A task that runs until the test lets it finish: the queue's state is then known, with no timing. */
function heldTask() {
  let finish!: () => void;
  let started = false;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  return { task: async () => { started = true; await done; return 'done'; }, finish: () => finish(), started: () => started };
}

describe('PDF reports wait their turn', () => {
  it('runs at most `concurrency` at once, queues `waiting` more in order, and refuses one more as busy with a retry time', async () => {
    const queue = new WorkQueue({ concurrency: 1, waiting: 2, retryAfterSeconds: 30, what: 'PDF reports' });
    const [first, second, third] = [heldTask(), heldTask(), heldTask()];
    const runs = [queue.run(first!.task), queue.run(second!.task), queue.run(third!.task)];
    expect(queue.load).toEqual({ running: 1, waiting: 2 });
    const refused = await queue.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'busy', details: { retryAfterSeconds: 30 } });
    expect([first!.started(), second!.started(), third!.started()]).toEqual([true, false, false]);
    first!.finish();
    await runs[0];
    await Promise.resolve();
    expect([second!.started(), third!.started()]).toEqual([true, false]);
    second!.finish();
    third!.finish();
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('passes the turn on when a task fails', async () => {
    const queue = new WorkQueue({ concurrency: 1, waiting: 1, retryAfterSeconds: 30, what: 'PDF reports' });
    const failing = queue.run(async () => { throw new Error('printing failed'); });
    const next = queue.run(async () => 'printed');
    await expect(failing).rejects.toThrow('printing failed');
    expect(await next).toBe('printed');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe.each(testDatabaseTargets)('the annual report API when PDF rendering is full on $name', (target) => {
  let db: Database;

  beforeAll(async () => {
    db = await target.open();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('answers 429 with retry-after, before counting anything, while the queue is full; HTML reports do not queue', async () => {
    const services = createServices(loadConfig({ SAFEGUARD_LA_CODE: LA_CODE }), db);
    const app = createApp(services);
    // Other requests' PDFs hold every place: the running ones and those waiting.
    const held = Array.from({ length: PDF_CONCURRENCY + PDF_WAITING }, () => heldTask());
    const holding = held.map((h) => services.pdfRendering.queue.run(h.task));
    try {
      const refused = await app.inject({ method: 'GET', url: '/api/v1/reports/annual?from=2023-04-01&to=2024-03-31&format=pdf' });
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(PDF_RETRY_AFTER_SECONDS));
      expect(refused.json().error.code).toBe('busy');
      const html = await app.inject({ method: 'GET', url: '/api/v1/reports/annual?from=2023-04-01&to=2024-03-31' });
      expect(html.statusCode, html.body.slice(0, 300)).toBe(200);
    } finally {
      for (const h of held) h.finish();
      await Promise.all(holding);
      await app.close();
    }
  }, 120_000);
});
