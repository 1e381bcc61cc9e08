/**
 * PDF by printing the report's HTML in headless Chromium: the same document the browser shows, so
 * the PDF cannot drift from the HTML. Chromium is Debian's (`apt-get install chromium`), found at
 * SAFEGUARD_CHROMIUM or /usr/bin/chromium; without it the HTML report still works. The server
 * shares one browser between reports and renders a bounded number at a time (WorkQueue).
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
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

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
  displayHeaderFooter: true,
  headerTemplate: '<div></div>',
  footerTemplate: '<div style="font-family: Helvetica, Arial, sans-serif; font-size: 8pt; color: #0b0c0c; width: 100%; text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
} as const;

/** Prints a document in a browser already running, in a page of its own. */
async function printIn(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    // The document is self-contained: nothing to fetch, so no request may leave the machine.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf(PDF_OPTIONS);
  } finally {
    await page.close();
  }
}

/** A4 PDF of a self-contained HTML document, with page numbers in the footer, in a Chromium of its own (the command line). */
export async function htmlToPdf(html: string, options: { chromium?: string } = {}): Promise<Buffer> {
  const executablePath = options.chromium ?? chromiumPath();
  if (!(await isChromiumInstalled(executablePath))) throw chromiumMissing(executablePath);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    return await printIn(browser, html);
  } finally {
    await browser.close();
  }
}

/**
 * The server's PDFs: one Chromium shared by every report (issue 14: three reports at once each
 * started their own and took 20 s each), started on the first PDF and closed once it has been idle
 * for a minute, so a quiet server keeps no browser running.
 */
export class SharedPdfPrinter {
  private browser: Promise<Browser> | undefined;
  private printing = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly executablePath: string = chromiumPath(), private readonly idleMilliseconds = 60_000) {}

  async print(html: string): Promise<Buffer> {
    if (!(await isChromiumInstalled(this.executablePath))) throw chromiumMissing(this.executablePath);
    clearTimeout(this.idleTimer);
    this.printing += 1;
    try {
      return await printIn(await this.running(), html);
    } finally {
      this.printing -= 1;
      if (this.printing === 0) {
        this.idleTimer = setTimeout(() => void this.close(), this.idleMilliseconds);
        this.idleTimer.unref();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = undefined;
    await (await browser?.catch(() => undefined))?.close();
  }

  /** The running browser, started again if it has gone (crashed, or closed when idle). */
  private running(): Promise<Browser> {
    if (!this.browser) {
      const launched = chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
      this.browser = launched;
      launched.then((browser) => browser.on('disconnected', () => { if (this.browser === launched) this.browser = undefined; }), () => { if (this.browser === launched) this.browser = undefined; });
    }
    return this.browser;
  }
}

/** PDFs rendered at once, PDFs waiting their turn, and how long a refused request is told to wait. */
export const PDF_CONCURRENCY = 1;
export const PDF_WAITING = 2;
export const PDF_RETRY_AFTER_SECONDS = 30;

/**
 * Admission for expensive work: at most `concurrency` tasks run at once and `waiting` wait their
 * turn, first come first served; one more is refused at once with a DomainError 'busy' (HTTP 429
 * with retry-after), rather than queueing without end while each waiting request holds its client.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: { concurrency: number; waiting: number; retryAfterSeconds: number; what: string }) {}

  /** Tasks running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.options.concurrency) this.running += 1;
    else if (this.waiting.length < this.options.waiting) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else {
      throw new DomainError('busy', `${this.options.what} are being made for others just now: ask again in ${this.options.retryAfterSeconds} seconds`, {
        details: { retryAfterSeconds: this.options.retryAfterSeconds },
      });
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so nobody can overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
