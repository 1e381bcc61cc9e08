/** Words and dates as people read them. Pure functions, tested in format.test.ts. */

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2024-03-07 → 7 March 2024, the GOV.UK style. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}

/** Age in whole years on a date, from a date of birth. */
export function ageOn(dateOfBirth: string | null | undefined, on: string): number | undefined {
  if (!dateOfBirth) return undefined;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Words from a code such as `no-further-action`. */
export function humanise(code: string): string {
  const text = code.replace(/[-_.]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface UrgencyTag {
  text: string;
  colour: 'red' | 'orange' | 'yellow' | 'green' | 'grey' | 'blue';
}

/** What the tag of a duty reads: its state, and as its timescale counts, how long is left or how late it is. */
export interface DutyTiming {
  state: string;
  /** Days left (negative when overdue), counted in working days for a working-day timescale, else in calendar days. */
  daysLeft?: number;
  lateBy?: number;
  /** The timescale's unit: working-days, calendar-days, weeks, months or hours. */
  unit?: string;
  /** The instant an hour-based duty falls due. */
  dueAt?: string;
}

const HOUR_MS = 3_600_000;
const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The tag for a duty: overdue in red with how long, due soon in orange or yellow, else green.
 * An hour-based duty (allocate within 48 hours) with its due time is counted in hours from `now`;
 * any other is counted in the days the API counts: working days for a working-day timescale,
 * calendar days for the rest (days, weeks and months, and hours without a due time).
 */
export function urgencyOf(duty: DutyTiming, now: Date = new Date()): UrgencyTag {
  if (duty.unit === 'hours' && duty.dueAt && (duty.state === 'open' || duty.state === 'overdue')) return hourlyUrgencyOf(Date.parse(duty.dueAt) - now.getTime());
  const unit = duty.unit === 'working-days' ? 'working day' : 'day';
  const plural = (n: number) => count(n, unit);
  if (duty.state === 'overdue') {
    const late = duty.lateBy ?? (duty.daysLeft !== undefined ? -duty.daysLeft : undefined);
    return { text: late !== undefined && late > 0 ? `Overdue by ${plural(late)}` : 'Overdue', colour: 'red' };
  }
  if (duty.state === 'met' || duty.state === 'met-on-time') return { text: 'Met', colour: 'green' };
  if (duty.state === 'met-late') return { text: duty.lateBy ? `Met ${plural(duty.lateBy)} late` : 'Met late', colour: 'grey' };
  if (duty.state === 'cancelled') return { text: 'No longer needed', colour: 'grey' };
  const left = duty.daysLeft;
  if (left === undefined) return { text: 'Due', colour: 'blue' };
  if (left <= 0) return { text: 'Due today', colour: 'orange' };
  if (left <= 2) return { text: `${plural(left)} left`, colour: 'orange' };
  if (left <= 5) return { text: `${plural(left)} left`, colour: 'yellow' };
  return { text: `${plural(left)} left`, colour: 'green' };
}

/** An hour-based duty's tag from the time until it is due (negative when past): hours, or days once two days late. */
function hourlyUrgencyOf(untilDueMs: number): UrgencyTag {
  if (untilDueMs < 0) {
    const hoursLate = Math.ceil(-untilDueMs / HOUR_MS);
    return { text: `Overdue by ${hoursLate < 48 ? count(hoursLate, 'hour') : count(Math.floor(hoursLate / 24), 'day')}`, colour: 'red' };
  }
  const hoursLeft = Math.floor(untilDueMs / HOUR_MS);
  if (hoursLeft < 1) return { text: 'Due within the hour', colour: 'orange' };
  return { text: `${count(hoursLeft, 'hour')} left`, colour: hoursLeft <= 24 ? 'orange' : 'yellow' };
}

/** When a duty falls due: the date, and the time too for an hour-based duty (7 March 2024 at 14:05). */
export function formatDue(duty: { dueOn: string; dueAt?: string; unit?: string }): string {
  return duty.unit === 'hours' && duty.dueAt ? formatDateTime(duty.dueAt) : formatDate(duty.dueOn);
}

/** Most urgent first: overdue by most, then fewest days left, then earliest due date. */
export function byUrgency<T extends { state: string; daysLeft?: number; dueOn: string }>(a: T, b: T): number {
  const rank = (d: T) => (d.state === 'overdue' ? 0 : 1);
  return rank(a) - rank(b) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.dueOn.localeCompare(b.dueOn);
}

/** Splits what someone typed into a name search: one word is a surname, more is forename then surname. */
export function nameSearchOf(text: string): { forename?: string; surname?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { surname: words[0] };
  return { forename: words[0], surname: words.slice(1).join(' ') };
}

/** What a search box holds: an LA child id, an NHS number, a date of birth, or a name. */
export function classifySearch(text: string): { kind: 'childId' | 'nhsNumber' | 'dateOfBirth' | 'name'; value: string } {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\s/g, '');
  if (/^\d{10}$/.test(digits)) return { kind: 'nhsNumber', value: digits };
  const date = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (date) return { kind: 'dateOfBirth', value: `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { kind: 'dateOfBirth', value: trimmed };
  // An LA child id is up to 20 letters and digits with at least one digit; names have none.
  if (/^[A-Za-z0-9]{1,20}$/.test(trimmed) && /\d/.test(trimmed)) return { kind: 'childId', value: trimmed.toUpperCase() };
  return { kind: 'name', value: trimmed };
}

/** The financial year (April to March) a date falls in, as the metrics API names it: FY2025-26. */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `FY${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as a date and time in London: 2024-03-07T14:05:00Z → 7 March 2024 at 14:05. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const part = (type: string) => londonParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${formatDate(`${part('year')}-${part('month')}-${part('day')}`)} at ${part('hour')}:${part('minute')}`;
}
