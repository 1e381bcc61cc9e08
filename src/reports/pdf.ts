/**
 * PDF by printing the report's HTML in headless Chromium: the same document the browser shows, so
 * the PDF cannot drift from the HTML. Chromium is Debian's (`apt-get install chromium`), found at
 * SAFEGUARD_CHROMIUM or /usr/bin/chromium; without it the HTML report still works.
 */
import { access, constants } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { DomainError } from '../platform/errors.ts';

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.SAFEGUARD_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function isChromiumInstalled(path = chromiumPath()): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function chromiumMissing(path: string): DomainError {
  return new DomainError(
    'conflict',
    `A PDF needs Chromium, which is not installed at ${path}. Install it with \`apt-get install chromium\` (or set SAFEGUARD_CHROMIUM to its path), or ask for the report as HTML.`,
    { details: { needs: 'chromium', chromiumPath: path } },
  );
}

/** A4 PDF of a self-contained HTML document, with page numbers in the footer. */
export async function htmlToPdf(html: string, options: { chromium?: string } = {}): Promise<Buffer> {
  const executablePath = options.chromium ?? chromiumPath();
  if (!(await isChromiumInstalled(executablePath))) throw chromiumMissing(executablePath);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The document is self-contained: nothing to fetch, so no request may leave the machine.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: '<div style="font-family: Helvetica, Arial, sans-serif; font-size: 8pt; color: #0b0c0c; width: 100%; text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
