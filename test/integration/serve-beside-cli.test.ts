import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPgliteDataDir } from '../support/test-database.ts';
import { runCli, startCli, type CliRun } from './cli-harness.ts';

/** A port free just now, for `serve` to take (PORT=0 would give the setting-up page and the app different ports). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `safeguard serve` on a new embedded data folder: the port answers at once with a setting-up page
 * (and 503s from the API) while the synthetic borough is seeded; then the app. Meanwhile and after,
 * every CLI command works beside it, through the database host the server holds.
 */
describe('serve on the embedded database, and the command line beside it', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'safeguard-serve-'));
  let dataDir: string;
  let removeDataDir: (() => Promise<void>) | undefined;
  let serve: CliRun | undefined;

  beforeAll(async () => {
    // A migrated, empty embedded database (a copy of the tests' template): serve seeds it on its first start.
    ({ dataDir, dispose: removeDataDir } = await createFreshPgliteDataDir('safeguard-serve-pglite-'));
  }, 600_000);

  afterAll(async () => {
    if (serve && serve.child.exitCode === null) {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    rmSync(folder, { recursive: true, force: true });
    await removeDataDir?.();
  });

  it('shows the seeding progress on the port while it seeds, then serves the app; kpi, report and due run at the same time beside it', async () => {
    const port = await freePort();
    const env = { SAFEGUARD_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), SAFEGUARD_SEED_CHILDREN: '300', SAFEGUARD_DEV_SIGN_IN: 'on' };
    serve = startCli(['serve'], env);
    const base = `http://127.0.0.1:${port}`;

    // Setting up: the page, refreshing itself with the progress, and the API's 503 with Retry-After.
    let page: Response | undefined;
    for (let tries = 0; tries < 600 && !page && serve.child.exitCode === null; tries += 1) {
      page = await fetch(`${base}/`).catch(() => undefined);
      if (!page) await pause(200);
    }
    expect(page, serve.stderr()).toBeDefined();
    expect(page!.status).toBe(503);
    const html = await page!.text();
    expect(html).toContain('Safeguard is setting up');
    expect(html).toMatch(/<meta http-equiv="refresh" content="5">/);
    expect(html).toMatch(/\d+% done/);
    const api = await fetch(`${base}/api/v1/health`);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    const progress = (await api.json()) as { settingUp: { percent: number; stage: string } };
    expect(progress.settingUp.percent).toBeGreaterThanOrEqual(0);
    expect(progress.settingUp.percent).toBeLessThanOrEqual(100);
    expect(progress.settingUp.stage.length).toBeGreaterThan(0);

    // Then the app takes the port over.
    let health = 503;
    for (let tries = 0; tries < 1800 && health !== 200 && serve.child.exitCode === null; tries += 1) {
      health = (await fetch(`${base}/api/v1/health`).catch(() => undefined))?.status ?? 0;
      if (health !== 200) await pause(500);
    }
    expect(health, serve.stderr()).toBe(200);
    expect(statSync(path.join(dataDir, '.safeguard-host.json')).mode & 0o077).toBe(0);

    // The command line works beside the running server, several commands at once.
    const out = path.join(folder, 'report.html');
    const cliEnv = { SAFEGUARD_DATA_DIR: dataDir, DATABASE_URL: '' };
    const [kpi, report, due, dueJson] = await Promise.all([
      runCli(['kpi', '--period', 'YTD'], cliEnv),
      runCli(['report', 'annual', '--from', '2025-04-01', '--to', '2026-03-31', '--out', out], cliEnv),
      runCli(['due'], cliEnv),
      runCli(['due', '--json', '--overdue'], cliEnv),
    ]);
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(kpi.stderr + kpi.stdout).not.toContain('already in use');
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(due.code, due.stderr).toBe(0);
    expect(due.stdout).toMatch(/^As at \d{4}-\d{2}-\d{2}: \d+ open, \d+ overdue/);
    expect(due.stdout).toMatch(/(overdue by \d+ (working )?days?|\d+ (working )?days? left|due today|\d+ hours? left|overdue by \d+ hours?)/);
    expect(due.stdout).not.toMatch(/OVERDUE by \d+ /);
    expect(dueJson.code, dueJson.stderr).toBe(0);
    // One JSON document, indented: many lines, and it parses.
    expect(dueJson.stdout.split('\n').length).toBeGreaterThan(3);
    expect(JSON.parse(dueJson.stdout)).toMatchObject({ summary: expect.any(Object), duties: expect.any(Array) });

    // The server still answers after them.
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
  }, 1_800_000);
});
