import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createLogger, defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../dist/web');
const govukAssets = path.resolve(here, '../../node_modules/govuk-frontend/dist/govuk/assets');

/** GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/: copy them there. */
function govukAssetsPlugin(): Plugin {
  return {
    name: 'govuk-assets',
    apply: 'build',
    closeBundle() {
      cpSync(path.join(govukAssets, 'fonts'), path.join(outDir, 'assets/fonts'), { recursive: true });
      cpSync(path.join(govukAssets, 'images'), path.join(outDir, 'assets/images'), { recursive: true });
    },
  };
}

// The fonts and images are copied in place after the build (above), so Vite's notes that it left
// their absolute URLs alone are expected.
const logger = createLogger();
const expected = (message: string) => message.includes("didn't resolve at build time");
const { warn, warnOnce } = logger;
logger.warn = (message, options) => { if (!expected(message)) warn(message, options); };
logger.warnOnce = (message, options) => { if (!expected(message)) warnOnce(message, options); };

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), govukAssetsPlugin()],
  // GOV.UK Frontend's CSS comes minified already, with old Internet Explorer hacks a minifier rejects.
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1000, cssMinify: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  logLevel: 'warn',
  customLogger: logger,
});
