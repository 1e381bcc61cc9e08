/**
 * Documents in the browser: a social worker opens a child on their caseload, is told what is
 * missing from an empty upload, uploads a letter linked to an event on the record, sees it listed
 * and downloads it byte for byte; a program renamed as a PDF is refused by its bytes. Every page is
 * checked with axe (WCAG 2.2 AA), at a desktop's width and a phone's (390 px).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/platform/clock.ts';
import { formatDate } from '../../src/web/format.ts';
import { minimalPdf, windowsProgram } from '../support/document-fixtures.ts';
import { checkPage, openDesktopPage } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const letter = minimalPdf('Letter to the family after the visit');

interface ApiWorker { workerId: string; name: string; role: string; teamId: string; leftOn?: string; caseload: number }

beforeAll(async () => {
  server = await startServer({ children: 300 });
  ({ browser, context, page } = await openDesktopPage(pageErrors, { acceptDownloads: true }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('documents on a child\'s record in the browser', () => {
  let childId: string;

  it('signs a social worker in and opens the Documents view of a child on their caseload', async () => {
    const { workers } = (await (await fetch(`${server.baseUrl}/api/v1/workers`)).json()) as { workers: ApiWorker[] };
    const worker = workers.find((w) => w.role === 'social-worker' && !w.leftOn && w.caseload > 0)!;
    const { children } = (await (await fetch(`${server.baseUrl}/api/v1/children?workerId=${worker.workerId}&limit=1`)).json()) as { children: { childId: string }[] };
    childId = children[0]!.childId;
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.locator(`button[data-worker-id="${worker.workerId}"]`).click();
    await page.waitForSelector('[data-testid=signed-in-as]');
    await page.goto(`${server.baseUrl}/children/${childId}`);
    await page.waitForSelector('html[data-ready="child-record"]');
    await page.getByRole('navigation', { name: 'Child record' }).getByRole('link', { name: 'Documents' }).click();
    await page.waitForSelector('html[data-ready="documents"]');
    expect(await page.locator('[data-testid=documents]').textContent()).toContain('No documents have been added to this record.');
    await page.waitForSelector('[data-testid=upload-document] select#linkedEventId option:nth-child(2)', { state: 'attached' });
    await checkPage(page, 'child-record-documents');
  });

  it('says what is missing from an empty upload, each message linked to its field', async () => {
    await page.getByRole('button', { name: 'Upload the document' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').allTextContents()).toEqual(['Enter a title for the document', 'Select what kind of document it is', 'Select a file']);
    await summary.getByRole('link', { name: 'Select a file' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');
    await checkPage(page, 'child-record-documents-errors');
  });

  it('refuses a program renamed as a PDF, by its bytes', async () => {
    await page.getByLabel('Title').fill('Report from the school');
    await page.getByLabel('Report', { exact: true }).check();
    await page.getByLabel('Upload a file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: windowsProgram() });
    await page.getByRole('button', { name: 'Upload the document' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary li').allTextContents())
      .toEqual(['The selected file must be a PDF, Word document, OpenDocument text, JPG, PNG, HEIC photo or plain text file']);
    expect(await page.locator('#file-error').textContent()).toContain('The selected file must be a PDF');
    await checkPage(page, 'child-record-documents-wrong-type');
  });

  it('uploads a letter linked to an event on the record, lists it and downloads it', async () => {
    await page.getByLabel('Title').fill('Letter to the family after the visit');
    await page.getByLabel('Letter', { exact: true }).check();
    const linked = page.locator('#linkedEventId option').nth(1);
    const linkedText = (await linked.textContent())!;
    await page.locator('#linkedEventId').selectOption({ index: 1 });
    await page.getByLabel('Upload a file').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: letter });
    await page.getByRole('button', { name: 'Upload the document' }).click();
    await page.waitForSelector('.govuk-notification-banner--success');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Document added: Letter to the family after the visit');

    const card = page.locator('[data-testid=document]', { hasText: 'Letter to the family after the visit' });
    await card.waitFor();
    const text = (await card.textContent())!;
    expect(text).toContain('Letter');
    expect(text).toContain(formatDate(todayInLondon()));
    expect(text).toContain('letter.pdf: PDF');
    expect(text).toContain(linkedText);
    await checkPage(page, 'child-record-documents-added');

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toBe('letter.pdf');
    expect(readFileSync((await download.path())!).equals(letter)).toBe(true);
  });

  it('keeps the Documents view usable at a phone\'s width', async () => {
    const phone = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 390, height: 800 }, timezoneId: 'Europe/London', bypassCSP: true });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${server.baseUrl}/children/${childId}/documents`);
    await small.waitForSelector('html[data-ready="documents"]');
    await small.locator('[data-testid=document]').first().waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkPage(small, 'child-record-documents-phone');
    await phone.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
