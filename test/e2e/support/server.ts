import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../src/app/config.ts';
import type { Database } from '../../../src/platform/database/database.ts';
import { createApp } from '../../../src/app/server.ts';
import { createServices, timescalesFrom } from '../../../src/app/services.ts';
import { todayInLondon } from '../../../src/platform/clock.ts';
import { seedDatabase } from '../../../src/simulate/seed.ts';
import { webAppDir } from '../../../src/web/server/web-app.ts';
import { testDatabaseTargets } from '../../support/test-database.ts';

export interface RunningServer {
  baseUrl: string;
  db: Database;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database (embedded, or a new database on the server when
 * DATABASE_URL is set) seeded with a small synthetic borough, serving the built web app.
 * `env` adds configuration, e.g. `SAFEGUARD_DEV_SIGN_IN: 'off'` for sign-in with accounts only.
 */
export async function startServer(options: { children?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  if (!existsSync(path.join(webAppDir, 'index.html'))) throw new Error('The web app is not built: run npm run build:web (npm run test:e2e does)');
  const target = testDatabaseTargets.at(-1)!;
  const db = await target.open();
  const config = loadConfig({ SAFEGUARD_LA_CODE: '206', SAFEGUARD_DEV_SIGN_IN: 'on', ...options.env });
  const today = todayInLondon();
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
  const seeded = await seedDatabase(db, config.laCode, timescalesFrom(config), { seed: 11, years: 1, from, children: options.children ?? 1500, warmUpYears: 1 });
  if (!seeded.committed) throw new Error(`Seeding failed: ${JSON.stringify(seeded.problems.slice(0, 3))}`);
  const app: FastifyInstance = createApp(createServices(config, db));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
