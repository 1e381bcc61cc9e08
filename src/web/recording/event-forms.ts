import { humanise } from '../format.ts';

/**
 * The kit each module writes its events' forms with (src/modules/<module>/web/forms.ts): a form as
 * data, which fields, in what words, and how their values become the event's `data`. The API's
 * schemas stay the one judge of what is valid; these forms only ask.
 */
export interface Option {
  value: string;
  text: string;
}

export type FieldSpec =
  | { kind: 'text'; name: string; label: string; hint?: string; optional?: boolean; width?: string; path?: string; missing?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; optional?: boolean; missing?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; options: Option[]; optional?: boolean; missing?: string }
  | { kind: 'radios'; name: string; label: string; hint?: string; options: Option[]; optional?: boolean; inline?: boolean; missing?: string }
  | { kind: 'checkboxes'; name: string; label: string; hint?: string; options: Option[]; missing?: string }
  | { kind: 'yes-no'; name: string; label: string; hint?: string; missing: string }
  | { kind: 'date'; name: string; label: string; hint?: string; optional?: boolean; missing?: string }
  | { kind: 'worker'; name: string; label: string; hint?: string; defaultToMe?: boolean; missing: string };

/** An event's form; `Shown` is the record as far as `prefill` reads it. */
export interface EventForm<Shown = never> {
  type: string;
  title: string;
  /** How the event's own date is asked for: hours matter for contacts, decisions and allocations. */
  occurredAt: { label: string; withTime: boolean };
  fields: FieldSpec[];
  /**
   * Where it comes in a child's usual journey: the record offers what it allows in this order.
   * Left out for a form the record does not offer (registering a child has its own page).
   */
  journeyStep?: number;
  /** Fills in what follows from other answers, so nobody types it twice. */
  complete?: (data: Record<string, unknown>, context: FormContext) => Record<string, unknown>;
  /** The question each field `complete` fills in is answered through, so the API's problems with it are shown there. */
  derivedFrom?: Record<string, string>;
  /** What it can fill in from the record, so nobody types what the record already knows. */
  prefill?: (record: Shown) => FormValues;
  /**
   * The answers that gave an event's data, where `complete` reshaped them (the other way round from
   * `complete`): a correction opens the form with the entry's answers. Fields the form asks for as
   * they are in the data (by `name`, or `path`) are read back without it; what this gives is added.
   */
  valuesFrom?: (data: Record<string, unknown>) => FormValues;
}

export interface FormContext {
  workers: { workerId: string; teamId: string }[];
}

/** Codes such as 1A, 2B, 10A, 21 in their natural order (object keys put 20 and 21 first). */
const byCode = (a: string, b: string) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

/** A code list's entries as options, in the list's order (by code, with the code shown, when `withCode`). */
export const optionsOf = (list: Record<string, string>, withCode = false): Option[] =>
  Object.entries(list)
    .sort(([a], [b]) => (withCode && /^\d/.test(a) && /^\d/.test(b) ? byCode(a, b) : 0))
    .map(([value, text]) => ({ value, text: withCode ? `${value}: ${text}` : text }));

/** An event schema's codes as options, in words where given, else the code made readable. */
export const optionsFromCodes = (codes: readonly string[], words: Record<string, string> = {}): Option[] => codes.map((value) => ({ value, text: words[value] ?? humanise(value) }));

/** The agencies that take part in the work, in words. */
export const agencyWords: Record<string, string> = {
  'childrens-social-care': "Children's social care", police: 'Police', health: 'Health', education: 'Education', probation: 'Probation',
  'youth-justice': 'Youth justice', housing: 'Housing', 'adult-social-care': 'Adult social care', 'voluntary-sector': 'Voluntary sector',
  'early-help': 'Early help', 'mental-health': 'Mental health', other: 'Other',
};

/** The event's date is asked for as a date… */
export const date = (label: string) => ({ label, withTime: false });
/** …or as a date and a time. */
export const dateTime = (label: string) => ({ label, withTime: true });

export type FormValues = Record<string, string | string[]>;

/**
 * A missing answer in the words of the question, the GOV.UK way ("Select who authorised..."),
 * in place of a schema's generic "expected string, received undefined".
 */
export function messageFor(field: FieldSpec | undefined, message: string): string {
  if (!field || !saysMissing(message)) return message;
  if (field.missing) return field.missing;
  const question = field.label.replace(/\?$/, '').replace(/ \(optional\)$/, '');
  const lower = question.charAt(0).toLowerCase() + question.slice(1);
  return field.kind === 'text' || field.kind === 'textarea' || field.kind === 'date' ? `Enter ${lower}` : `Select ${lower}`;
}

/**
 * Whether the API's message is the general one for an answer left out ("Enter who authorised it",
 * from the server's error map, or Zod's own), which the form says in its own words; a message about
 * what was given ("… in the right form", "… from the list") is kept.
 */
function saysMissing(message: string): boolean {
  if (/received undefined|^Required$|expected (array|boolean|string)/i.test(message)) return true;
  return /^(Enter|Select) [^.:]+$/.test(message) && !/ (in the right form|from the list|as text|as an email address, like .*)$/.test(message);
}

/** The id of a field's first control, for the error summary's links. */
export function controlIdOf(field: Pick<FieldSpec, 'kind' | 'name'>): string {
  return field.kind === 'date' ? `${field.name}-day` : field.name;
}

const pad = (text: string) => text.padStart(2, '0');

/** Day, month and year boxes as YYYY-MM-DD; undefined when all are empty, the raw parts when incomplete. */
export function dateFrom(values: FormValues, name: string): string | undefined {
  const part = (suffix: string) => String(values[`${name}-${suffix}`] ?? '').trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** Where a field's answer goes in the event's data. */
const pathOf = (field: FieldSpec) => (field.kind === 'text' && field.path ? field.path : field.name);

/**
 * The answers that give a recorded event's date and data, so its form opens filled in as the entry
 * was recorded (to correct it). Works for any form from its fields, and `valuesFrom` for the rest.
 */
export function formValuesOf(form: EventForm, event: { occurredAt: string; data: Record<string, unknown> }): FormValues {
  const values: FormValues = { ...dateValues('occurredAt', event.occurredAt.slice(0, 10)) };
  if (event.occurredAt.length > 10) {
    // The time is asked for and given back in the browser's own time, as commandFrom reads it.
    const instant = new Date(event.occurredAt);
    if (!Number.isNaN(instant.getTime())) {
      const local = `${instant.getFullYear()}-${pad(String(instant.getMonth() + 1))}-${pad(String(instant.getDate()))}`;
      Object.assign(values, dateValues('occurredAt', local), { 'occurredAt-time': `${pad(String(instant.getHours()))}:${pad(String(instant.getMinutes()))}` });
    }
  }
  for (const field of form.fields) {
    const value = getPath(event.data, pathOf(field));
    if (value === undefined || value === null) continue;
    switch (field.kind) {
      case 'checkboxes':
        values[field.name] = (Array.isArray(value) ? value : [value]).map(String);
        break;
      case 'yes-no':
        if (typeof value === 'boolean') values[field.name] = value ? 'yes' : 'no';
        break;
      case 'date':
        if (typeof value === 'string') Object.assign(values, dateValues(field.name, value));
        break;
      default:
        if (typeof value !== 'object') values[field.name] = String(value);
    }
  }
  return { ...values, ...form.valuesFrom?.(event.data) };
}

/** A YYYY-MM-DD date as the day, month and year boxes show it. */
function dateValues(name: string, date: string): FormValues {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return {};
  return { [`${name}-day`]: String(Number(match[3])), [`${name}-month`]: String(Number(match[2])), [`${name}-year`]: match[1]! };
}

/**
 * Form values to the command the API records: `{ type, occurredAt, data }`. A correction passes the
 * data of the entry it corrects as `kept`: what in it the form does not ask about (an id the record
 * wrote back, a field of an import) is kept as it was, so correcting one answer loses nothing else.
 */
export function commandFrom(form: EventForm, values: FormValues, context: FormContext, kept?: Record<string, unknown>): { type: string; occurredAt: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  for (const field of form.fields) {
    const raw = values[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const path = pathOf(field);
    switch (field.kind) {
      case 'checkboxes':
        setPath(data, path, Array.isArray(raw) ? raw : raw ? [raw] : []);
        break;
      case 'yes-no':
        if (text) setPath(data, path, text === 'yes');
        break;
      case 'date': {
        const value = dateFrom(values, field.name);
        if (value) setPath(data, path, value);
        break;
      }
      default:
        if (text) setPath(data, path, text);
    }
  }
  const dateText = dateFrom(values, 'occurredAt') ?? '';
  const time = String(values['occurredAt-time'] ?? '').trim();
  let occurredAt = dateText;
  if (form.occurredAt.withTime && dateText && /^\d{1,2}:\d{2}$/.test(time)) {
    const local = new Date(`${dateText}T${pad(time.split(':')[0]!)}:${time.split(':')[1]}:00`);
    occurredAt = Number.isNaN(local.getTime()) ? `${dateText}T${time}` : local.toISOString().replace('.000Z', 'Z');
  }
  const completed = form.complete ? form.complete(data, context) : data;
  if (kept) {
    const asked = new Set([...form.fields.map((field) => pathOf(field).split('.')[0]!), ...Object.keys(completed)]);
    for (const [key, value] of Object.entries(kept)) if (!asked.has(key)) completed[key] = value;
  }
  for (const key of Object.keys(completed)) if (completed[key] === undefined) delete completed[key];
  return { type: form.type, occurredAt, data: completed };
}

/** Which form field an API problem belongs to: `data.factors.0` → factors, `data.address.postcode` → postcode. */
export function fieldOfProblem(form: EventForm, problemField: string): string | undefined {
  const path = problemField.replace(/^data\./, '').replace(/\.\d+$/, '');
  if (path === 'occurredAt' || path.startsWith('occurredAt')) return 'occurredAt';
  const field = form.fields.find((f) => f.name === path || (f.kind === 'text' && f.path === path));
  if (field) return field.name;
  // Derived fields are answered through the question they come from.
  return form.derivedFrom?.[path];
}
