import type { FormValues } from './event-forms.ts';

/**
 * Drafts kept in the browser while a form is filled in, so a reload, a lost connection or a
 * closed tab loses nothing. The draft's client id makes a repeated submit record once only.
 */
export interface Draft {
  clientId: string;
  values: FormValues;
  savedAt: string;
}

const keyOf = (childId: string, eventType: string) => `safeguard:draft:${childId}:${eventType}`;

export function loadDraft(childId: string, eventType: string): Draft | undefined {
  try {
    const text = window.localStorage.getItem(keyOf(childId, eventType));
    return text ? (JSON.parse(text) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(childId: string, eventType: string, draft: Draft): void {
  try {
    window.localStorage.setItem(keyOf(childId, eventType), JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the form still works, only without a draft.
  }
}

export function discardDraft(childId: string, eventType: string): void {
  window.localStorage.removeItem(keyOf(childId, eventType));
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
