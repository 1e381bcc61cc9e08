import { z } from 'zod';
import { todayInLondon } from '../platform/clock.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { Database } from '../platform/database/database.ts';
import type { Timescales } from '../timescales/timescales.ts';
import { IsoDate } from '../platform/schema-helpers.ts';
import { contentTypes, produceAnnualReport, type PdfRendering } from './service.ts';

const AnnualReportQuery = z.object({
  from: IsoDate.describe('First day of the period, e.g. 2022-09-01'),
  to: IsoDate.describe('Last day of the period, e.g. 2024-03-31'),
  format: z.enum(['html', 'pdf']).default('html').describe('html (default), or pdf (needs Chromium on the server)'),
});

export function reportRoutes(services: { db: Database; timescales: Pick<Timescales, 'calendar'>; pdfRendering: PdfRendering }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/reports/annual',
      summary: 'The safeguarding partnership\'s annual report for a period, generated from the case record: HTML, or PDF with format=pdf (a few at a time: 429 with retry-after when the queue is full)',
      tags: ['reports'],
      query: AnnualReportQuery,
      response: z.union([z.string(), z.instanceof(Buffer)]).describe('The report: a self-contained HTML document, or a PDF'),
      contentType: [contentTypes.html, contentTypes.pdf],
      handler: async ({ query, context }) => {
        const rendered = await produceAnnualReport(
          { db: services.db.pool, context, calendar: services.timescales.calendar, today: todayInLondon },
          { from: query.from, to: query.to, format: query.format },
          undefined,
          services.pdfRendering,
        );
        return { status: 200, body: rendered.body, contentType: rendered.contentType };
      },
    }),
  ];
}
