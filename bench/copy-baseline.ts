/**
 * The baseline every import figure is compared with: a raw COPY of an interchange file's events
 * (the same columns as child_event) into an unindexed table with no constraints, from reading the
 * file to commit — the fastest PostgreSQL can take the rows in.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ownBackendCpuSeconds } from './server-cpu.ts';

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyText = (value: unknown) => (value === undefined || value === null ? '\\N' : String(value).replace(/[\\\t\n\r]/g, (c) => escapes[c]!));

export async function copyBaseline(databaseUrl: string, file: string): Promise<{ events: number; seconds: number; serverCpuSeconds?: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const table = `bench_copy_baseline_${randomUUID().slice(0, 8)}`;
  try {
    await client.query(`CREATE TABLE ${table} (
      la_code text, event_id uuid, child_id text, event_type text, occurred_at text, occurred_on date, recorded_at timestamptz,
      recorded_by_user text, recorded_by_role text, recorded_by_agency text, client_id text, supersedes uuid, correction_reason text,
      data jsonb, import_batch_id uuid, import_line integer)`);
    const batch = randomUUID();
    let events = 0;
    const cpuBefore = await ownBackendCpuSeconds(client);
    const started = performance.now();
    await client.query('BEGIN');
    async function* chunks(): AsyncGenerator<string> {
      let chunk = '';
      let line = 0;
      for await (const text of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
        line += 1;
        const e = JSON.parse(text);
        if (e.format !== undefined || e.record !== undefined) continue; // header and reference lines are not events
        chunk += [e.laCode, e.eventId, e.childId, e.type, e.occurredAt, String(e.occurredAt).slice(0, 10), e.recordedAt, e.recordedBy?.userId,
          e.recordedBy?.role, e.recordedBy?.agency, e.clientId, e.supersedes, e.correctionReason, JSON.stringify(e.data), batch, line].map(copyText).join('\t') + '\n';
        events += 1;
        if (chunk.length >= 256 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
    await client.query('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await ownBackendCpuSeconds(client);
    return { events, seconds, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { serverCpuSeconds: cpuAfter - cpuBefore } : {}) };
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await client.end();
  }
}
