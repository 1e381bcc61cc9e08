/**
 * While `safeguard serve` runs on an embedded database it holds that database: the CLI then asks
 * the running server instead of opening the database itself (which would fail, and would take a
 * second or two to start besides). The server leaves a note in the data folder saying where it is.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../database/embedded-host.ts';

const NOTE_FILE = '.safeguard-serve.json';

export function announceServer(dataDir: string, url: string): void {
  writeFileSync(path.join(dataDir, NOTE_FILE), JSON.stringify({ pid: process.pid, url }));
}

export function withdrawServer(dataDir: string): void {
  rmSync(path.join(dataDir, NOTE_FILE), { force: true });
}

/** The URL of a server running on this data folder, if one is. */
export function findRunningServer(dataDir: string): string | undefined {
  try {
    const note = JSON.parse(readFileSync(path.join(dataDir, NOTE_FILE), 'utf8')) as { pid?: unknown; url?: unknown };
    return typeof note.pid === 'number' && typeof note.url === 'string' && isProcessAlive(note.pid) ? note.url : undefined;
  } catch {
    return undefined;
  }
}
