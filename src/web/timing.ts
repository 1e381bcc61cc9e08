/**
 * Marks when a page has its data on screen, so the browser tests can measure time until usable
 * (performance.measure from navigation start, or from the last client-side navigation).
 */
let since = 0;

export function markNavigation(): void {
  since = performance.now();
}

export function markReady(page: string): void {
  const now = performance.now();
  const entry = { page, sinceNavigationMs: Math.round(now - since), sinceLoadMs: Math.round(now) };
  const store = window as unknown as { safeguardReady?: typeof entry[] };
  (store.safeguardReady ??= []).push(entry);
  document.documentElement.dataset.ready = page;
}
