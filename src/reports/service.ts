/**
 * One entry point for the command line and the API: the annual report for a period, as HTML or PDF.
 */
import type { AnalyticsDependencies } from '../analytics/engine.ts';
import { MetricsEngine } from '../analytics/engine.ts';
import type { IsoDate } from '../platform/calendar/calendar.ts';
import { buildAnnualReport } from './annual-report.ts';
import { renderAnnualReportHtml } from './html.ts';
import { chromiumMissing, chromiumPath, htmlToPdf, isChromiumInstalled } from './pdf.ts';

export type ReportFormat = 'html' | 'pdf';

export const contentTypes: Record<ReportFormat, string> = { html: 'text/html; charset=utf-8', pdf: 'application/pdf' };

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  body: string | Buffer;
}

export async function produceAnnualReport(
  deps: AnalyticsDependencies,
  request: { from: IsoDate; to: IsoDate; format: ReportFormat },
  onProgress?: (message: string) => void,
): Promise<RenderedReport> {
  // Say at once that a PDF cannot be made, before a minute of counting.
  if (request.format === 'pdf' && !(await isChromiumInstalled())) throw chromiumMissing(chromiumPath());
  const report = await buildAnnualReport(new MetricsEngine(deps), { from: request.from, to: request.to, laCode: deps.context.laCode, runOn: deps.today() }, { onProgress });
  const html = await renderAnnualReportHtml(report);
  if (request.format === 'html') return { format: 'html', contentType: contentTypes.html, body: html };
  onProgress?.('Printing to PDF');
  const body = await htmlToPdf(html);
  return { format: request.format, contentType: contentTypes[request.format], body };
}
