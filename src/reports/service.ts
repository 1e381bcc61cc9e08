/**
 * One entry point for the command line and the API: the annual report for a period, as HTML or PDF.
 */
import type { AnalyticsDependencies } from '../analytics/engine.ts';
import { MetricsEngine } from '../analytics/engine.ts';
import { checkedWindow } from '../analytics/periods.ts';
import type { IsoDate } from '../platform/calendar/calendar.ts';
import { buildAnnualReport, reportWindowOf } from './annual-report.ts';
import { renderAnnualReportHtml } from './html.ts';
import { chromiumMissing, chromiumPath, htmlToPdf, isChromiumInstalled, type SharedPdfPrinter, type WorkQueue } from './pdf.ts';

export type ReportFormat = 'html' | 'pdf';

export const contentTypes: Record<ReportFormat, string> = { html: 'text/html; charset=utf-8', pdf: 'application/pdf' };

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  body: string | Buffer;
}

/** The server's PDF making: a shared browser, and the queue every PDF report waits in. */
export interface PdfRendering {
  printer: SharedPdfPrinter;
  queue: WorkQueue;
}

export async function produceAnnualReport(
  deps: AnalyticsDependencies,
  request: { from: IsoDate; to: IsoDate; format: ReportFormat },
  onProgress?: (message: string) => void,
  pdfRendering?: PdfRendering,
): Promise<RenderedReport> {
  const engine = new MetricsEngine(deps);
  // A window out of bounds, or one the reader may not have figures for, is refused before anything is counted.
  // A report's period ends by today (buildAnnualReport), so here a window is only refused, never cut short.
  engine.allowedWindow(checkedWindow(reportWindowOf(request.from, request.to)));
  const make = async (): Promise<RenderedReport> => {
    // Say at once that a PDF cannot be made, before a minute of counting.
    if (request.format === 'pdf' && !(await isChromiumInstalled())) throw chromiumMissing(chromiumPath());
    const report = await buildAnnualReport(engine, { from: request.from, to: request.to, laCode: deps.context.laCode, runOn: deps.today() }, { onProgress });
    const html = await renderAnnualReportHtml(report);
    if (request.format === 'html') return { format: 'html', contentType: contentTypes.html, body: html };
    onProgress?.('Printing to PDF');
    const body = pdfRendering ? await pdfRendering.printer.print(html) : await htmlToPdf(html);
    return { format: request.format, contentType: contentTypes[request.format], body };
  };
  // A PDF report (its counting and its printing) waits its turn in the server's queue, or is refused at once when that is full.
  return request.format === 'pdf' && pdfRendering ? pdfRendering.queue.run(make) : make();
}
