/**
 * How long a new user waits on first start: `npm start` on an empty data folder creates the
 * embedded database, seeds the synthetic borough and serves. Measures the time until the health
 * check answers, next to a baseline measured in the same run: starting on the already seeded
 * folder (database open and serve only).
 *
 *   npx tsx bench/first-start.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

async function timeUntilHealthy(dataDir: string, port: number): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/safeguard.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', SAFEGUARD_DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${log}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (response.ok) return (Date.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 600_000) throw new Error(`not healthy after 10 minutes:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'safeguard-first-start-'));
try {
  const firstStart = await timeUntilHealthy(dataDir, 3917);
  const secondStart = await timeUntilHealthy(dataDir, 3918);
  console.log('first start (create database, seed the default borough, serve):', `${firstStart.toFixed(1)} s`);
  console.log('baseline: later start on the seeded folder:                  ', `${secondStart.toFixed(1)} s`);
  console.log('ratio first / later start:', (firstStart / secondStart).toFixed(1), '| goal: first start under 120 s:', firstStart < 120 ? 'met' : 'NOT met');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
