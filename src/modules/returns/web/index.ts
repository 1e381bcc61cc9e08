/**
 * The statutory returns' web part: the Statutory returns page (produce, download, issues by rule),
 * Validate a return (upload, then sort, filter and export the issues), the Return issues worklist,
 * and the record's Return issues card. Browser code: no database, server or route.
 */
import { z } from 'zod';
import { defineWebModule } from '../../../web/web-module.ts';
import { returnIssuesWorklist } from './issues-worklist.tsx';
import { ReturnIssuesCard } from './record-panel.tsx';
import { statutoryReturnsWorklist } from './returns-page.tsx';
import { validateReturnWorklist } from './validate-page.tsx';

export const returnsWeb = defineWebModule()({
  id: 'returns',
  // The returns keep no part of the record summary: the card asks the returns' API for the child's issues.
  readModel: z.object({}),
  record: { SummaryCards: ReturnIssuesCard },
  worklists: [statutoryReturnsWorklist, validateReturnWorklist, returnIssuesWorklist],
});
