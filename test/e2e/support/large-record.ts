import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importInterchangeFile } from '../../../src/interchange/import.ts';
import { todayInLondon } from '../../../src/platform/clock.ts';
import { loadConfig } from '../../../src/app/config.ts';
import { timescalesFrom } from '../../../src/app/services.ts';
import { allocated, assessmentStarted, contact, contactDecided, referral, registered, toNdjson, visit } from '../../support/event-builders.ts';
import type { RunningServer } from './server.ts';

/**
 * The largest record and caseload the web app is expected to show: one child whose record holds
 * 500 events, and a social worker with 311 children allocated, each with open duties (well over
 * 300). Shared by the browser test that checks these pages work with that much data and by
 * bench/pages.ts, which times them.
 */
export const largeRecord = {
  workerId: 'w-large-1',
  teamId: 't-large',
  childId: 'LARGE500',
  /** Events on the large child's record: registration, contact, decision, referral, allocation, assessment and 494 visits. */
  events: 500,
  /** Children allocated to the worker: the large child and 310 others. */
  children: 311,
} as const;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A child registered on `start`, referred and allocated to the worker, assessed and visited `visits` times. */
function opened(childId: string, start: string, visits: number) {
  const received = contact(childId, `${addDays(start, 1)}T10:00:00Z`);
  return [
    registered(childId, { at: start, dateOfBirth: '2015-06-01' }),
    received,
    contactDecided(childId, `${addDays(start, 2)}T10:00:00Z`, { contactId: received.eventId }),
    referral(childId, addDays(start, 2), { contactId: received.eventId }),
    allocated(childId, `${addDays(start, 3)}T09:00:00Z`, largeRecord.workerId, largeRecord.teamId),
    assessmentStarted(childId, addDays(start, 3)),
    ...Array.from({ length: visits }, (_, index) => visit(childId, addDays(start, 4 + index), { kind: 'assessment', seenAlone: true })),
  ];
}

/** Imports the large record and the worker's caseload into the running server's database, as a council's migration would. */
export async function importLargeRecord(server: RunningServer): Promise<void> {
  const today = todayInLondon();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-large-record-'));
  try {
    const file = path.join(dir, 'large-record.ndjson');
    writeFileSync(file, toNdjson([
      { record: 'team', laCode: '206', teamId: largeRecord.teamId, name: 'Assessment team 9', service: 'children-in-need' },
      { record: 'worker', laCode: '206', workerId: largeRecord.workerId, name: 'Sam Lister', role: 'social-worker', teamId: largeRecord.teamId, agency: 'childrens-social-care', startedOn: '2020-01-01' },
      ...opened(largeRecord.childId, addDays(today, -520), largeRecord.events - 6),
      ...Array.from({ length: largeRecord.children - 1 }, (_, index) => opened(`LARGE${index}`, addDays(today, -10 - (index % 30)), 1)).flat(),
    ]));
    const context = { laCode: '206', actor: { userId: 'importer', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };
    const result = await importInterchangeFile(server.db, file, context, timescalesFrom(loadConfig({ SAFEGUARD_LA_CODE: '206' })));
    if (!result.committed) throw new Error(`The large record was not imported: ${JSON.stringify(result.problems.slice(0, 3))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
