/**
 * While `safeguard serve` runs on an embedded database it holds that database: the CLI then asks
 * the running server instead of opening the database itself (which would fail, and would take a
 * second or two to start besides). The server leaves a note in the data folder saying where it is;
 * due-over-http.mjs reads it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NOTE_FILE } from './due-over-http.mjs';

export { findRunningServer } from './due-over-http.mjs';

export function announceServer(dataDir: string, url: string): void {
  writeFileSync(path.join(dataDir, SERVER_NOTE_FILE), JSON.stringify({ pid: process.pid, url }));
}

export function withdrawServer(dataDir: string): void {
  rmSync(path.join(dataDir, SERVER_NOTE_FILE), { force: true });
}
