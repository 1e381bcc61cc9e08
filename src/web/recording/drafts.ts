import type { FormValues } from './event-forms.ts';

/**
 * Drafts kept in the browser while a form is filled in, so a reload, a lost connection or a
 * closed tab loses nothing. The draft's client id makes a repeated submit record once only.
 *
 * A draft belongs to the person who wrote it: it is kept under their user id, so someone else
 * signing in on the same browser is never shown it, and every draft is removed at sign-out.
 */
export interface Draft {
  clientId: string;
  values: FormValues;
  savedAt: string;
}

const PREFIX = 'safeguard:draft:';

/** Which form a draft is of: an event type, or a correction of one entry (`{type}:correcting:{eventId}`). */
const keyOf = (userId: string, childId: string, formKey: string) => `${PREFIX}${encodeURIComponent(userId)}:${childId}:${formKey}`;

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Storage switched off by the browser's settings.
    return undefined;
  }
};

export function loadDraft(userId: string, childId: string, formKey: string): Draft | undefined {
  try {
    const text = storage()?.getItem(keyOf(userId, childId, formKey));
    return text ? (JSON.parse(text) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(userId: string, childId: string, formKey: string, draft: Draft): void {
  try {
    storage()?.setItem(keyOf(userId, childId, formKey), JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the form still works, only without a draft.
  }
}

export function discardDraft(userId: string, childId: string, formKey: string): void {
  storage()?.removeItem(keyOf(userId, childId, formKey));
}

/**
 * Removes every draft kept in this browser, whoever wrote it (and drafts kept before they were
 * kept by person): called at sign-out, so nothing typed about a child stays behind.
 */
export function discardEveryDraft(): void {
  const kept = storage();
  if (!kept) return;
  const keys: string[] = [];
  for (let index = 0; index < kept.length; index += 1) {
    const key = kept.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) kept.removeItem(key);
}

/** Every value of a form, ticked boxes as lists. */
export function valuesOf(form: HTMLFormElement): FormValues {
  const values: FormValues = {};
  const data = new FormData(form);
  const lists = new Set([...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((input) => input.name));
  for (const name of lists) values[name] = [];
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') continue;
    if (lists.has(name)) (values[name] as string[]).push(value);
    else values[name] = value;
  }
  return values;
}
