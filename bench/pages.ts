/**
 * Pages benchmark: the web app's heaviest pages in Chromium on the embedded database — My work
 * with 300 and more duties, a child's record with 500 events, and the dashboard — each next to a
 * bare page measured in the same run, by the same server and browser: the sign-in page, which
 * loads the same bundle and asks the server one question (who is signed in) but reads no record.
 *
 *   npm run build:web && npx tsx bench/pages.ts          # 10 runs of each page
 *   npx tsx bench/pages.ts --runs 30 --children 1500
 *
 * Options: --runs N (10 timed runs of each page, after one untimed warm-up), --children C (300:
 * the synthetic borough seeded around the large record, as the browser test seeds it).
 *
 * The web app is built first if dist/web is missing or older than its sources (as `npm start`
 * does, with src/web/build-if-stale.mjs). The data are test/e2e/large-record.e2e.ts's: the
 * borough, then test/e2e/support/large-record.ts imported into it. Chromium is /usr/bin/chromium,
 * or SAFEGUARD_CHROMIUM. Each run loads every page afresh (a full navigation, the bundle from the
 * browser's cache) one after the other, so the pages and the bare page share the machine's load.
 * A page's time runs from navigation until it says it has its data on screen (the app's ready mark,
 * `html[data-ready]`); the bare page's until its sign-in form is drawn. Printed: the median and
 * p95 (nearest rank: of 10 runs, the slowest) of each, and each page's ÷ the bare page's. The ratios, not the times, are what to compare
 * between machines and runs: on a loaded machine every time grows, the ratio much less.
 *
 * Measured on a 2-CPU machine (Node 20, Chromium), 7 December 2026, the machine busy with other
 * work (load average about 12), so take the ratios rather than the times; 10 runs:
 *
 *   page                                median ms   p95 ms   median ÷ bare   p95 ÷ bare
 *   Sign-in (the bare page)                   313      584
 *   My work (311 duties)                      804     1319            2.6×         2.3×
 *   Child's record (500 events)               389      607            1.2×         1.0×
 *   Dashboard, its figures                    802      972            2.6×         1.7×
 *   Dashboard, with the period before        1038     1560            3.3×         2.7×
 *
 * A run a minute earlier (load average about 9.7): 3.0×, 1.3×, 2.3× and 3.2× on the medians.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function parseArgs(argv: string[]): { runs: number; children: number } {
  const options = { runs: 10, children: 300 };
  for (let i = 0; i < argv.length; i += 1) {
    const value = Number(argv[i + 1]);
    switch (argv[i]) {
      case '--runs': options.runs = value; i += 1; break;
      case '--children': options.children = value; i += 1; break;
      default: throw new Error(`Unknown option ${argv[i]}`);
    }
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) throw new Error('--runs must be a whole number, at least 1');
  if (!(Number.isInteger(options.children) && options.children >= 1)) throw new Error('--children must be a whole number, at least 1');
  return options;
}

const options = parseArgs(process.argv.slice(2));

const built = spawnSync(process.execPath, [path.join(repoRoot, 'src/web/build-if-stale.mjs')], { cwd: repoRoot, stdio: 'inherit' });
if (built.status !== 0) throw new Error('The web app could not be built (npm run build:web)');

// The embedded database whatever DATABASE_URL says: the test support picks its database when it
// is first loaded, hence the imports after this line.
delete process.env.DATABASE_URL;
const { startServer } = await import('../test/e2e/support/server.ts');
const { importLargeRecord, largeRecord } = await import('../test/e2e/support/large-record.ts');
const { launchBrowser } = await import('../test/e2e/support/browser.ts');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (n: number) => n.toLocaleString('en-GB');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * Loads `url` afresh and answers, for each of `marks`, the milliseconds from navigation until the
 * app's ready mark of that name (a dashboard marks its figures, then the period before). A full
 * load starts the app's clock at navigation, so a mark is the time since then.
 */
async function untilReady(page: Page, url: string, marks: string[]): Promise<number[]> {
  await page.goto(url);
  await page.waitForFunction((wanted) => wanted.every((name) => ((window as unknown as { safeguardReady?: { page: string }[] }).safeguardReady ?? []).some((e) => e.page === name)), marks);
  const entries = await page.evaluate(() => (window as unknown as { safeguardReady?: { page: string; sinceNavigationMs: number }[] }).safeguardReady ?? []);
  return marks.map((name) => entries.filter((e) => e.page === name).at(-1)!.sinceNavigationMs);
}

/**
 * The bare page, measured on the same clock: an observer set up before the page's own scripts run
 * notes the time since navigation at which the sign-in form is first in the document.
 */
async function untilSignInForm(page: Page, url: string): Promise<number[]> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { signInFormAt?: number }).signInFormAt !== undefined);
  return [await page.evaluate(() => (window as unknown as { signInFormAt: number }).signInFormAt)];
}

const startedAt = performance.now();
process.stderr.write(`Seeding a borough of ${fmt(options.children)} children and importing the large record …\n`);
const server = await startServer({ children: options.children });
try {
  await importLargeRecord(server);
  const chronology = await (await fetch(`${server.baseUrl}/api/v1/children/${largeRecord.childId}/chronology`)).json() as { entries: unknown[] };
  const duties = await (await fetch(`${server.baseUrl}/api/v1/duties?workerId=${largeRecord.workerId}`)).json() as { duties: unknown[] };
  const browser = await launchBrowser();
  try {
    const viewport = { width: 1100, height: 800 };
    const signedOut = await (await browser.newContext({ viewport, timezoneId: 'Europe/London' })).newPage();
    await signedOut.addInitScript(() => {
      const store = window as unknown as { signInFormAt?: number };
      new MutationObserver((_, observer) => {
        if (store.signInFormAt === undefined && document.querySelector('[data-testid=sign-in-form]')) {
          store.signInFormAt = Math.round(performance.now());
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const worker = await (await browser.newContext({ viewport, timezoneId: 'Europe/London' })).newPage();
    await worker.goto(`${server.baseUrl}/sign-in`);
    await worker.click(`button[data-worker-id="${largeRecord.workerId}"]`);
    await worker.waitForSelector('[data-testid=signed-in-as]');

    // Each load gives one time for each name it lists; the dashboard's one load gives two.
    const bareName = 'Sign-in (the bare page)';
    const loads = [
      { names: [bareName], measure: () => untilSignInForm(signedOut, `${server.baseUrl}/sign-in`) },
      { names: [`My work (${fmt(duties.duties.length)} duties)`], measure: () => untilReady(worker, `${server.baseUrl}/`, ['my-work']) },
      { names: [`Child's record (${fmt(chronology.entries.length)} events)`], measure: () => untilReady(worker, `${server.baseUrl}/children/${largeRecord.childId}`, ['child-record']) },
      { names: ['Dashboard, its figures', 'Dashboard, with the period before'], measure: () => untilReady(worker, `${server.baseUrl}/dashboards`, ['dashboard', 'dashboard-complete']) },
    ];
    const times = new Map(loads.flatMap((l) => l.names).map((name) => [name, [] as number[]]));
    process.stderr.write(`Ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; ${options.runs} runs of each page after a warm-up …\n`);
    const loadBefore = load();
    for (let run = 0; run <= options.runs; run += 1) {
      for (const l of loads) {
        const measured = await l.measure();
        // The first round only warms the browser's cache and the server.
        if (run > 0) l.names.forEach((name, i) => times.get(name)!.push(measured[i]!));
      }
    }

    const out = process.stdout;
    out.write(`\nPages in Chromium on embedded PGlite: a borough of ${fmt(options.children)} children and the large record, ${options.runs} runs after one warm-up\n`);
    out.write(`${os.cpus().length} CPUs; load average ${loadBefore} before the runs\n\n`);
    const bareMedian = percentile(times.get(bareName)!, 50);
    const bareP95 = percentile(times.get(bareName)!, 95);
    const rows = [['page', 'median ms', 'p95 ms', 'median ÷ bare', 'p95 ÷ bare']];
    for (const [name, measured] of times) {
      const median = percentile(measured, 50);
      const p95 = percentile(measured, 95);
      const isBare = name === bareName;
      rows.push([name, String(median), String(p95), isBare ? '' : `${(median / bareMedian).toFixed(1)}×`, isBare ? '' : `${(p95 / bareP95).toFixed(1)}×`]);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
    rows.forEach((row, i) => {
      out.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ') + '\n');
      if (i === 0) out.write(widths.map((w) => '-'.repeat(w)).join('   ') + '\n');
    });
    out.write(`\nLoad average now ${load()}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
