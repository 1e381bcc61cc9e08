// Builds the web app before `npm start` when dist/web is missing or older than its sources, so a
// fresh checkout and an edited one both serve the current app; an up-to-date build costs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestChange(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/codes'), path.join(root, 'src/modules')];
const newestSource = Math.max(...sources.map(newestChange), statSync(path.join(root, 'package-lock.json')).mtimeMs);
if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) process.exit(0);

process.stderr.write('Building the web app…\n');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
