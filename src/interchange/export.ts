import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { writeAuditForChildren } from '../platform/audit/audit.ts';
import { withTransaction, type Database } from '../platform/database/database.ts';
import { storedEventFromRow } from '../record/repo.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { interchangeFormatName, interchangeFormatVersion } from './format.ts';
import { referenceRecords } from './reference-records.ts';

const FETCH = 5000;

/**
 * Writes the whole log (or one LA's) as an interchange file in log order, after the councils'
 * reference data (teams and workers), so that importing it into an empty database reproduces every event with its ids.
 * Each exported child is audited.
 */
export async function exportInterchange(db: Database, output: Writable, context: RequestContext, options: { laCode?: string } = {}): Promise<{ events: number; children: number }> {
  const write = async (line: string) => {
    if (!output.write(line + '\n')) await once(output, 'drain');
  };
  return withTransaction(db.pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const laCodes = (await client.query(`SELECT DISTINCT la_code FROM child_event WHERE $1::text IS NULL OR la_code = $1 ORDER BY la_code`, [options.laCode ?? null])).rows.map((r) => r.la_code as string);
    await write(JSON.stringify({ format: interchangeFormatName, version: interchangeFormatVersion, exportedAt: new Date().toISOString(), laCodes }));
    // The reference data first (teams and workers): an import refuses an allocation to a team or worker it does not hold.
    for (const kind of referenceRecords) {
      for (const line of (await kind.exported?.(client, laCodes)) ?? []) await write(JSON.stringify({ record: kind.record, ...line }));
    }
    await client.query(
      `DECLARE export_events CURSOR FOR
         SELECT event_id, sequence, child_id, event_type, occurred_at, recorded_at, recorded_by_user, recorded_by_role, recorded_by_agency,
                client_id, supersedes, correction_reason, data, la_code
           FROM child_event WHERE $1::text IS NULL OR la_code = $1 ORDER BY sequence`,
      [options.laCode ?? null],
    );
    let events = 0;
    const childrenByLa = new Map<string, Set<string>>();
    for (;;) {
      const batch = await client.query(`FETCH ${FETCH} FROM export_events`);
      for (const row of batch.rows) {
        const { sequence: _sequence, ...event } = storedEventFromRow(row);
        await write(JSON.stringify(event));
        events += 1;
        let children = childrenByLa.get(event.laCode);
        if (!children) childrenByLa.set(event.laCode, (children = new Set()));
        children.add(event.childId);
      }
      if (batch.rows.length < FETCH) break;
    }
    await client.query('CLOSE export_events');
    return { events, laCodes, childrenByLa };
  }).then(async ({ events, childrenByLa }) => {
    let children = 0;
    for (const [laCode, ids] of childrenByLa) {
      children += ids.size;
      await writeAuditForChildren(db.pool, { laCode, actor: context.actor, correlationId: context.correlationId, action: 'read', resource: 'child-record:export', outcome: 'ok' }, [...ids]);
    }
    return { events, children };
  });
}
