// `safeguard due` answered by a server already running on the embedded database. Plain JavaScript
// so that bin/safeguard.mjs can use it before loading the TypeScript sources: asking a running
// server then takes a fraction of a second instead of starting a database.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The note `safeguard serve` leaves in the data folder (see running-server.ts). */
export const SERVER_NOTE_FILE = '.safeguard-serve.json';

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The URL of a server running on this data folder, if one is. */
export function findRunningServer(dataDir) {
  try {
    const note = JSON.parse(readFileSync(path.join(dataDir, SERVER_NOTE_FILE), 'utf8'));
    return typeof note.pid === 'number' && typeof note.url === 'string' && isProcessAlive(note.pid) ? note.url : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the running server for the due list; throws with its reason if it refuses. */
export async function fetchDue(url, { asAt, worker, team, child, overdue }) {
  const query = new URLSearchParams({ asAt });
  if (worker) query.set('workerId', worker);
  if (team) query.set('teamId', team);
  if (child) query.set('childId', child);
  if (overdue) query.set('overdueOnly', 'true');
  const response = await fetch(`${url}/api/v1/duties?${query}`);
  const answer = await response.json();
  if (!response.ok) throw new Error(`The server running on this database (${url}) refused: ${answer.error?.message ?? response.status}`);
  return answer;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * How far a duty is from its due date, with units: "overdue by 209 working days", "5 hours left".
 * Days count working days for working-day rules, else calendar days; a duty due at an hour (an
 * allocation within 48 hours) is counted in hours when the list is as at today.
 */
export function timeToDue(duty, asAt, now = new Date()) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
  if (duty.dueAt !== undefined && asAt === today) {
    const hours = Math.ceil(Math.abs(Date.parse(duty.dueAt) - now.getTime()) / 3_600_000);
    if (hours < 48) return duty.state === 'overdue' ? `overdue by ${plural(Math.max(1, hours), 'hour')}` : `${plural(hours, 'hour')} left`;
  }
  const dayWord = duty.unit === 'working-days' ? 'working day' : 'day';
  if (duty.state === 'overdue') return `overdue by ${plural(-(duty.daysLeft ?? 0), dayWord)}`;
  if (duty.daysLeft === 0) return 'due today';
  return duty.daysLeft === undefined ? duty.state : `${plural(duty.daysLeft, dayWord)} left`;
}

/**
 * Prints the due list: a line per duty, or with `json` one JSON document indented two spaces
 * (`asAt`, `summary`, `duties`), so that a long list is readable and still parses as one value.
 */
export function printDue({ asAt, summary, duties }, json) {
  if (json) {
    process.stdout.write(JSON.stringify({ asAt, summary, duties }, null, 2) + '\n');
    return;
  }
  process.stdout.write(`As at ${asAt}: ${summary.open} open, ${summary.overdue} overdue\n`);
  for (const d of duties) {
    process.stdout.write(`${d.dueOn}  ${timeToDue(d, asAt).padEnd(30)} ${d.childId.padEnd(14)} ${d.childName.padEnd(28)} ${d.title}\n`);
  }
}

/**
 * The fast path for `safeguard due [--as-at D] [--worker w] [--team t] [--child c] [--overdue] [--json]`
 * on an embedded database with a server running. Answers false (and does nothing) for anything
 * else, which the full command line then handles, checks and explains.
 */
export async function answerDueFromRunningServer(args, env) {
  if (args[0] !== 'due' || env.DATABASE_URL) return false;
  const options = {};
  for (let i = 1; i < args.length; i += 1) {
    const flag = args[i];
    if (flag === '--json' || flag === '--overdue') options[flag.slice(2)] = true;
    else if (['--as-at', '--worker', '--team', '--child'].includes(flag) && args[i + 1] !== undefined) options[{ '--as-at': 'asAt' }[flag] ?? flag.slice(2)] = args[++i];
    else return false;
  }
  if (options.asAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asAt)) return false;
  const url = findRunningServer(path.resolve(env.SAFEGUARD_DATA_DIR ?? '.safeguard-data'));
  if (!url) return false;
  const asAt = options.asAt ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  printDue(await fetchDue(url, { ...options, asAt }), options.json === true);
  return true;
}
