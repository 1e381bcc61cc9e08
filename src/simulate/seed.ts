import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../platform/database/database.ts';
import { importInterchangeFile, type ImportProgress, type ImportResult } from '../interchange/import.ts';
import type { Timescales } from '../record/repo.ts';
import { simulateInterchange, type SimulationOptions, type SimulationProgress } from './simulate.ts';

export const simulatorActor = { userId: 'synthetic-borough-simulator', role: 'administrator', agency: 'childrens-social-care' };

/** Writes a simulation to an interchange file; answers the number of lines. */
export async function writeSimulation(file: string, options: SimulationOptions, onProgress?: (progress: SimulationProgress) => void): Promise<number> {
  const output = createWriteStream(file);
  let lines = 0;
  for await (const line of simulateInterchange(options, onProgress)) {
    if (!output.write(line + '\n')) await once(output, 'drain');
    lines += 1;
  }
  output.end();
  await once(output, 'finish');
  return lines;
}

/** The default seed: the synthetic borough over the three years up to today. */
export function defaultSeedOptions(today: string, seed = 1): SimulationOptions {
  const from = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  return { seed, years: 3, from: from.endsWith('-02-29') ? from.replace('-29', '-28') : from };
}

/**
 * Seeds a database with a synthetic borough. The simulation is written as an interchange file and
 * imported like any council's migration, so every simulated event passes the same validation and
 * transition rules as real recording.
 */
export async function seedDatabase(
  db: Database,
  laCode: string,
  timescales: Timescales,
  options: SimulationOptions,
  onProgress: { simulating?: (progress: SimulationProgress) => void; importing?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'safeguard-seed-'));
  try {
    const file = path.join(folder, 'synthetic-borough.ndjson');
    await writeSimulation(file, { ...options, laCode }, onProgress.simulating);
    return await importInterchangeFile(db, file, { laCode, actor: simulatorActor, correlationId: `seed-${options.seed}` }, timescales, onProgress.importing);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
