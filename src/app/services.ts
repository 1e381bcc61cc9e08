import type { SafeguardConfig } from './config.ts';
import type { Database } from '../platform/database/database.ts';
import { ChildRecordRepository } from '../record/repo.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { timescalesFrom, type Timescales } from '../timescales/timescales.ts';
import { AccountRepository } from '../access/repo.ts';
import { SignInService } from '../access/sign-in.ts';
import { PDF_CONCURRENCY, PDF_RETRY_AFTER_SECONDS, PDF_WAITING, SharedPdfPrinter, WorkQueue } from '../reports/pdf.ts';
import type { PdfRendering } from '../reports/service.ts';

export { timescalesFrom };

/** The application's services, wired by hand: no container, every dependency visible here. */
export interface AppServices {
  config: SafeguardConfig;
  db: Database;
  timescales: Timescales;
  repositoryFor(context: RequestContext): ChildRecordRepository;
  signIn: SignInService;
  /** PDF reports: one shared Chromium, a few at a time, a short queue, 429 beyond it. */
  pdfRendering: PdfRendering;
}

export function createServices(config: SafeguardConfig, db: Database): AppServices {
  const timescales = timescalesFrom(config);
  return {
    config,
    db,
    timescales,
    repositoryFor: (context) => new ChildRecordRepository(db, context, timescales),
    signIn: new SignInService(new AccountRepository(db, config.laCode)),
    pdfRendering: {
      printer: new SharedPdfPrinter(),
      queue: new WorkQueue({ concurrency: PDF_CONCURRENCY, waiting: PDF_WAITING, retryAfterSeconds: PDF_RETRY_AFTER_SECONDS, what: 'PDF reports' }),
    },
  };
}
