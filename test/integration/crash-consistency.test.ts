/**
 * Killing the server (SIGKILL) again and again while people record, and (on a PostgreSQL server,
 * where a second process can write) while an import runs: after each restart every acknowledged
 * write is there, the projections equal a fresh fold of the log, and the audit chain verifies.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { loadConfig } from '../../src/app/config.ts';
import { checkProjections } from '../../src/record/rebuild.ts';
import { timescalesFrom } from '../../src/timescales/timescales.ts';
import { manyJourneys, toNdjson, withWorkforce } from '../support/event-builders.ts';
import { testDatabaseTargets } from '../support/test-database.ts';
import { createCliDatabase, startCli, type CliRun } from './cli-harness.ts';

const ROUNDS = 3;
const WRITERS = 6;
const context = { laCode: '206', actor: { userId: 'checker', role: 'administrator', agency: 'childrens-social-care' }, correlationId: randomUUID() };

async function serverUrl(server: CliRun): Promise<string> {
  for (let waited = 0; ; waited += 50) {
    const match = /running at (http:\/\/\S+)/.exec(server.stderr());
    if (match) return match[1]!;
    if (waited > 60_000 || server.child.exitCode !== null) throw new Error(`serve did not start: ${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDatabaseTargets)('crash consistency on $name', (target) => {
  it('keeps every acknowledged write, projections equal to the log and the audit chain whole across repeated SIGKILLs', async () => {
    const cliDb = await createCliDatabase(target);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safeguard-crash-'));
    const acknowledged: { childId: string; clientId: string }[] = [];
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        // The development actor records here, as on a server nobody has signed in to yet.
        const server = startCli(['serve'], { ...cliDb.env, PORT: '0', SAFEGUARD_SEED: 'none', SAFEGUARD_DEV_SIGN_IN: 'on' });
        const url = await serverUrl(server);
        // A second process importing at the same time: only a server database takes two writers.
        const importFile = path.join(dir, `import-${round}.ndjson`);
        writeFileSync(importFile, toNdjson(withWorkforce(manyJourneys(300, `IMP${round}X`))));
        const importer = target.name === 'postgresql' ? startCli(['import', importFile], cliDb.env) : undefined;

        let stop = false;
        const writers = Array.from({ length: WRITERS }, async (_, writer) => {
          for (let i = 0; !stop; i += 1) {
            const childId = `R${round}W${writer}N${i}`;
            const clientId = randomUUID();
            try {
              const response = await fetch(`${url}/api/v1/children/${childId}/events`, {
                method: 'POST', headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ type: 'child.registered', occurredAt: '2024-03-01', clientId, data: { forename: 'Crash', surname: `Test${i}`, dateOfBirth: '2015-01-01', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] } }),
              });
              if (response.status === 201) acknowledged.push({ childId, clientId });
            } catch {
              return; // the server has gone
            }
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 1500 + round * 500));
        server.child.kill('SIGKILL');
        importer?.child.kill('SIGKILL');
        stop = true;
        await Promise.all(writers);
        await server.exited;
        await importer?.exited;
        await cliDb.waitUntilReleased();

        const db = await cliDb.open();
        try {
          const stored = await db.pool.query('SELECT client_id FROM child_event WHERE client_id = ANY($1::text[])', [acknowledged.map((a) => a.clientId)]);
          expect(stored.rowCount, `round ${round}: every acknowledged write is stored`).toBe(acknowledged.length);
          const check = await checkProjections(db, context, timescalesFrom(loadConfig({})));
          expect(check.tables.filter((t) => !t.matches), `round ${round}: projections equal a fold of the log`).toEqual([]);
          expect((await verifyAuditChain(db.pool, '206')).intact, `round ${round}: the audit chain verifies`).toBe(true);
          // The import is all there or not there at all.
          const imported = Number((await db.pool.query(`SELECT count(DISTINCT child_id) AS n FROM child_event WHERE child_id LIKE $1`, [`IMP${round}X%`])).rows[0].n);
          expect([0, 300]).toContain(imported);
        } finally {
          await db.close();
        }
        await cliDb.waitUntilReleased();
      }
      expect(acknowledged.length, 'writes were acknowledged before the kills').toBeGreaterThan(ROUNDS * 5);
    } finally {
      await cliDb.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
