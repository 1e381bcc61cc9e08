/**
 * What Safeguard answers, captured from a fixed synthetic borough, so that a change meant to leave
 * behaviour alone (moving code into modules, say) can be shown to: capture before, capture after,
 * compare.
 *
 *   npx tsx scripts/behaviour-snapshot.ts --out /tmp/after                 # this checkout
 *   npx tsx scripts/behaviour-snapshot.ts --repo ../before --out /tmp/before
 *   npx tsx scripts/behaviour-snapshot.ts --compare /tmp/before /tmp/after # exits 1 on a difference
 *   npx tsx scripts/behaviour-snapshot.ts --against <git rev>              # all three, the rev in a temporary worktree
 *
 * It drives a checkout only through its command line and HTTP API (`node bin/safeguard.mjs`), never
 * its modules, so the same script captures a checkout from before a restructuring and one after.
 * The borough is simulated with a fixed seed and fixed dates (`simulate --seed 1 --years 3 --from
 * 2021-04-01`) into a new embedded database, and the snapshot holds:
 *
 *   kpi-FY2023-24.json, kpi-FY2022-23.json   safeguard kpi --period … --json
 *   due-2024-03-31.json                      safeguard due --as-at 2024-03-31 --json
 *   annual-report.html                       safeguard report annual --from 2023-04-01 --to 2024-03-31
 *   openapi.json                             GET /api/v1/openapi.json
 *   children/<id>.record.json, .chronology.json   GET /api/v1/children/<id>?asAt=2024-03-31 and its
 *                                            chronology, for the first ten children of the due list
 *
 * What differs from one run to the next whatever the code (when the events were recorded, the day
 * the report was made) is replaced by a marker such as `<when>` before writing, as NORMALISED below lists.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const thisRepo = fileURLToPath(new URL('..', import.meta.url));
const SEED = '1';
const FROM = '2021-04-01';
const AS_AT = '2024-03-31';
const CHILDREN = 10;

/**
 * Values that say when or in which batch something was done, not what: their keys, and today's date
 * wherever it appears. Applied when capturing and again when comparing, so snapshots taken under an
 * older list still compare.
 */
const NORMALISED = { keys: ['recordedAt', 'generatedAt', 'importedAt', 'computedAt', 'importBatchId'], today: new Date().toISOString().slice(0, 10) };

function normalise(text: string): string {
  let out = text;
  for (const key of NORMALISED.keys) out = out.replace(new RegExp(`("${key}":\\s*)"[^"]*"`, 'g'), '$1"<when>"');
  // Today's date, with or without a time after it, and in words as a report prints it.
  out = out.replace(new RegExp(`${NORMALISED.today}(T[0-9:.]+Z)?`, 'g'), '<today>');
  const inWords = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  return out.split(inWords).join('<today>');
}

function safeguard(repo: string, args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [path.join(repo, 'bin', 'safeguard.mjs'), ...args], {
    cwd: repo, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
}

// Keys in name order: the order of an object's keys carries no meaning in JSON, and a module's
// parts of an answer follow the registry's order.
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortedKeys)
    : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortedKeys(v)]))
      : value;
const prettyJson = (text: string) => `${JSON.stringify(sortedKeys(JSON.parse(text)), null, 2)}\n`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function capture(repo: string, out: string): Promise<void> {
  mkdirSync(path.join(out, 'children'), { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-behaviour-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SAFEGUARD_DATA_DIR: path.join(dataDir, 'db'), SAFEGUARD_SEED: 'none', DATABASE_URL: '' };
  try {
    const write = (name: string, text: string) => writeFileSync(path.join(out, name), normalise(text));
    console.log(`${repo}: simulating the borough (seed ${SEED}, three years from ${FROM})…`);
    safeguard(repo, ['simulate', '--seed', SEED, '--years', '3', '--from', FROM], env);
    for (const period of ['FY2023-24', 'FY2022-23']) write(`kpi-${period}.json`, prettyJson(safeguard(repo, ['kpi', '--period', period, '--json'], env)));
    const due = safeguard(repo, ['due', '--as-at', AS_AT, '--json'], env);
    write(`due-${AS_AT}.json`, prettyJson(due));
    const reportFile = path.join(dataDir, 'annual-report.html');
    safeguard(repo, ['report', 'annual', '--from', '2023-04-01', '--to', AS_AT, '--out', reportFile], env);
    write('annual-report.html', readFileSync(reportFile, 'utf8'));

    const duties = (JSON.parse(due) as { duties: { childId: string }[] }).duties;
    const childIds = [...new Set(duties.map((duty) => duty.childId))].sort().slice(0, CHILDREN);
    const port = await freePort();
    const server = spawn(process.execPath, [path.join(repo, 'bin', 'safeguard.mjs'), 'serve'], { cwd: repo, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      for (let tries = 0; ; tries += 1) {
        const up = await fetch(`${base}/health`).then((response) => response.ok, () => false);
        if (up) break;
        if (tries > 240) throw new Error(`${repo}: the server did not answer within two minutes`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const get = async (url: string) => {
        const response = await fetch(`${base}${url}`);
        if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
        return prettyJson(await response.text());
      };
      write('openapi.json', await get('/openapi.json'));
      for (const childId of childIds) {
        write(path.join('children', `${childId}.record.json`), await get(`/children/${childId}?asAt=${AS_AT}`));
        write(path.join('children', `${childId}.chronology.json`), await get(`/children/${childId}/chronology`));
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    console.log(`${repo}: snapshot in ${out}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    return statSync(path.join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
  }).sort();
}

/** Lists every file that differs (with its first differing line) or is in one snapshot only; true when identical. */
function compare(before: string, after: string): boolean {
  const names = [...new Set([...filesUnder(before), ...filesUnder(after)])].sort();
  let differences = 0;
  for (const name of names) {
    const [a, b] = [path.join(before, name), path.join(after, name)];
    if (!existsSync(a) || !existsSync(b)) {
      console.log(`only in ${existsSync(a) ? 'before' : 'after'}: ${name}`);
      differences += 1;
      continue;
    }
    const [linesA, linesB] = [normalise(readFileSync(a, 'utf8')).split('\n'), normalise(readFileSync(b, 'utf8')).split('\n')];
    const at = linesA.findIndex((line, index) => line !== linesB[index]);
    if (at === -1 && linesA.length === linesB.length) continue;
    const line = at === -1 ? Math.min(linesA.length, linesB.length) : at;
    console.log(`differs: ${name} at line ${line + 1}\n  before: ${(linesA[line] ?? '(end)').slice(0, 200)}\n  after:  ${(linesB[line] ?? '(end)').slice(0, 200)}`);
    differences += 1;
  }
  console.log(differences === 0 ? `identical: ${names.length} files` : `${differences} of ${names.length} files differ`);
  return differences === 0;
}

/** A checkout of `rev` in a temporary folder, sharing this checkout's node_modules when the lockfiles agree. */
function checkoutOf(rev: string): { repo: string; remove: () => void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'safeguard-rev-'));
  const repo = path.join(parent, 'checkout');
  execFileSync('git', ['worktree', 'add', '--detach', repo, rev], { cwd: thisRepo, stdio: 'inherit' });
  const sameLock = readFileSync(path.join(repo, 'package-lock.json'), 'utf8') === readFileSync(path.join(thisRepo, 'package-lock.json'), 'utf8');
  if (sameLock) symlinkSync(path.join(thisRepo, 'node_modules'), path.join(repo, 'node_modules'));
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
  return {
    repo,
    remove: () => {
      execFileSync('git', ['worktree', 'remove', '--force', repo], { cwd: thisRepo, stdio: 'inherit' });
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index === -1 ? undefined : argv[index + 1];
  };
  if (argv.includes('--compare')) {
    const index = argv.indexOf('--compare');
    return compare(argv[index + 1]!, argv[index + 2]!) ? 0 : 1;
  }
  const against = option('--against');
  if (against) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'safeguard-snapshots-'));
    const checkout = checkoutOf(against);
    try {
      await capture(checkout.repo, path.join(work, 'before'));
    } finally {
      checkout.remove();
    }
    await capture(thisRepo, path.join(work, 'after'));
    return compare(path.join(work, 'before'), path.join(work, 'after')) ? 0 : 1;
  }
  const out = option('--out');
  if (!out) {
    console.error('Usage: behaviour-snapshot.ts --out DIR [--repo CHECKOUT] | --compare BEFORE AFTER | --against REV');
    return 2;
  }
  await capture(path.resolve(option('--repo') ?? thisRepo), path.resolve(out));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
