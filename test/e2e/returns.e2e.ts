/**
 * The statutory returns in the browser: a service manager produces the CIN census from the seeded
 * borough's records (watching its progress), downloads it, uploads a census made elsewhere to
 * validate it (sorting and filtering the issues), and opens a child from the Return issues
 * worklist. Every page is checked with axe (WCAG 2.2 AA), at a desktop's width and a phone's.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, currentWorker, seededBrowserSession, signInAs, type BrowserSession } from './support/browser.ts';

const pageErrors: string[] = [];
let session: BrowserSession;
let page: Page;
seededBrowserSession(pageErrors, async (opened) => {
  session = opened;
  page = opened.page;
  const manager = (await currentWorker(opened.server, 'service-manager'))!;
  await signInAs(page, opened.server, manager.workerId);
}, { server: { children: 300 }, timeout: 300_000 });

describe('the statutory returns in the browser', () => {
  it('produces the CIN census with its progress, then offers its file and its issues by rule', async () => {
    await page.goto(`${session.server.baseUrl}/statutory-returns`);
    await page.waitForSelector('html[data-ready="statutory-returns"]');
    await checkPage(page, 'statutory-returns');
    await page.getByLabel('Return').selectOption('cin');
    await page.getByRole('button', { name: 'Produce the return' }).click();
    await expect.poll(() => page.locator('[data-testid=produce-progress]').textContent(), { timeout: 120_000 }).toMatch(/^Done: \d+ children in the return/);
    const link = page.locator('[data-testid=return-files] a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/returns\/jobs\/[0-9a-f-]+\/files\/.+\.xml$/);
    const download = await page.request.get(`${session.server.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('<Message');
    await page.locator('[data-testid=issues-by-rule]').waitFor();
    await checkPage(page, 'statutory-returns-produced');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('validates an uploaded census, its issues sortable and filtered', async () => {
    await page.goto(`${session.server.baseUrl}/validate-a-return`);
    await page.waitForSelector('html[data-ready="validate-a-return"]');
    await page.getByLabel('The return\'s file or files').setInputFiles(path.resolve(import.meta.dirname, '../statutory-data/samples/own/cin/cin_2025_tiny.xml'));
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.locator('[data-testid=validation-result]').waitFor();
    expect(await page.locator('[data-testid=validation-summary]').textContent()).toMatch(/^\d+ errors? and \d+ quer(y|ies) in /);
    const ruleHeader = page.locator('[data-testid=issue-table] th').filter({ hasText: 'Rule' });
    await ruleHeader.getByRole('button').click();
    expect(await ruleHeader.getAttribute('aria-sort')).toBe('ascending');
    await ruleHeader.getByRole('button').click();
    expect(await ruleHeader.getAttribute('aria-sort')).toBe('descending');
    await page.locator('#filter-code').selectOption('8565');
    const codes = await page.locator('[data-testid=issue-table] tbody tr td:nth-child(2)').allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['8565']));
    await checkPage(page, 'validate-a-return');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens a child from the Return issues worklist, the record showing their issues', async () => {
    await page.goto(`${session.server.baseUrl}/return-issues`);
    await page.waitForSelector('html[data-ready="return-issues"]', { timeout: 120_000 });
    await checkPage(page, 'return-issues');
    const child = page.locator('[data-testid=return-issues-by-rule] a').first();
    const name = (await child.textContent())!;
    await child.click();
    await page.waitForSelector('html[data-ready="child-record"]');
    expect(await page.locator('h1').first().textContent()).toContain(name.split(' ')[0]);
    await page.locator('[data-testid=return-issues-card]').waitFor();
    await checkPage(page, 'child-record-return-issues');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
