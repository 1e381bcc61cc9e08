#!/usr/bin/env node
// Runs the TypeScript sources directly: Safeguard ships no build step.
import { answerDueFromRunningServer } from '../src/app/cli/due-over-http.mjs';

// `safeguard due` while `safeguard serve` runs on the embedded database: ask it, without loading
// the TypeScript sources or a database (a fraction of a second instead of nearly two).
if (!(await answerDueFromRunningServer(process.argv.slice(2), process.env).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/app/cli/main.ts');
}
