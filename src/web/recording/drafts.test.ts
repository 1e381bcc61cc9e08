import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardDraft, discardEveryDraft, loadDraft, saveDraft, type Draft } from './drafts.ts';

/** The browser's localStorage, as the Web Storage standard defines it, for a test run outside a browser. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, String(value)); }
}

const draft = (text: string): Draft => ({ clientId: `client-${text}`, values: { summary: text }, savedAt: '2026-12-01T10:00:00Z' });

describe('drafts kept in the browser', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  });
  afterEach(() => { Reflect.deleteProperty(globalThis, 'localStorage'); });

  it('belong to the person who wrote them: another person signed in on the same browser is not given them', () => {
    saveDraft('alice', 'C1', 'visit.made', draft('what Alice saw'));
    expect(loadDraft('alice', 'C1', 'visit.made')?.values.summary).toBe('what Alice saw');
    expect(loadDraft('bob', 'C1', 'visit.made')).toBeUndefined();
  });

  it('keep a correction of an entry apart from a new entry of the same kind', () => {
    saveDraft('alice', 'C1', 'visit.made:correcting:E1', draft('corrected'));
    expect(loadDraft('alice', 'C1', 'visit.made')).toBeUndefined();
    discardDraft('alice', 'C1', 'visit.made:correcting:E1');
    expect(loadDraft('alice', 'C1', 'visit.made:correcting:E1')).toBeUndefined();
  });

  it('are every one removed at sign-out, and nothing else the browser keeps', () => {
    saveDraft('alice', 'C1', 'visit.made', draft('a'));
    saveDraft('bob', 'C2', 'contact.received', draft('b'));
    // A draft kept before drafts were kept by person.
    storage.setItem('safeguard:draft:C3:contact.received', JSON.stringify(draft('c')));
    storage.setItem('another-setting', 'kept');
    discardEveryDraft();
    expect(loadDraft('alice', 'C1', 'visit.made')).toBeUndefined();
    expect(loadDraft('bob', 'C2', 'contact.received')).toBeUndefined();
    expect(storage.length).toBe(1);
    expect(storage.getItem('another-setting')).toBe('kept');
  });
});
