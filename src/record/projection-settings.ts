/**
 * The projections' due dates follow the council's timescale settings as well as the log, so the
 * settings they were built with are kept, and a start with other settings rebuilds them before
 * anyone reads a due date. A write then only has to rewrite the rows its event changes.
 */
import type { Database } from '../platform/database/database.ts';
import type { Timescales } from '../timescales/timescales.ts';

/** The same settings always give the same text, whatever order their keys were given in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * Rebuilds the projections (with `rebuild`) when a migration changed them or the settings differ
 * from those they were built with, and records the settings in force. The first start records them.
 */
export async function reconcileProjectionSettings(
  db: Database, timescales: Timescales, projectionsChanged: boolean, rebuild: (reason: string) => Promise<void>,
): Promise<{ rebuilt: boolean }> {
  const settings = JSON.stringify(canonical(timescales.settings));
  const latest = await db.pool.query('SELECT settings::text AS settings FROM projection_settings ORDER BY recorded_at DESC LIMIT 1');
  const builtWith = latest.rows[0] ? JSON.stringify(canonical(JSON.parse(latest.rows[0].settings as string))) : undefined;
  const settingsChanged = builtWith !== undefined && builtWith !== settings;
  if (projectionsChanged || settingsChanged) {
    await rebuild(settingsChanged ? 'The timescale settings have changed since the projections were built' : 'A migration changed the projections');
  }
  if (builtWith !== settings) await db.pool.query('INSERT INTO projection_settings (settings) VALUES ($1::jsonb)', [settings]);
  return { rebuilt: projectionsChanged || settingsChanged };
}
