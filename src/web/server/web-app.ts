import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` writes the web app (see src/web/vite.config.ts). */
export const webAppDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The web app loads nothing from elsewhere and runs no inline script: the policy says so. */
const securityHeaders = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * Serves the built web app: its files as they are, and index.html for any other path outside the
 * API so the browser's router can draw client routes on a reload. Unknown API paths keep their
 * JSON 404.
 */
export function installWebApp(app: FastifyInstance, root = webAppDir): void {
  const indexFile = path.join(root, 'index.html');
  app.get('/*', async (request, reply) => {
    // The path as the router decoded it when it matched this route, not the raw request line: a
    // second decoding here would read `%2561pi` as `api` where the router saw `%61pi`.
    const urlPath = `/${(request.params as { '*'?: string })['*'] ?? ''}`;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return reply.callNotFound();
    reply.headers(securityHeaders);
    const candidate = path.resolve(root, `.${urlPath}`);
    const insideRoot = candidate.startsWith(root + path.sep);
    if (insideRoot && existsSync(candidate) && statSync(candidate).isFile()) {
      const hashed = urlPath.startsWith('/assets/');
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(contentTypes[path.extname(candidate)] ?? 'application/octet-stream').send(createReadStream(candidate));
    }
    // A missing asset is a real 404; anything else is a client route (some hold dots, e.g. /record/visit.made).
    if (urlPath.startsWith('/assets/') || contentTypes[path.extname(urlPath)] !== undefined || !existsSync(indexFile)) {
      return reply.status(404).type('text/plain; charset=utf-8').send(existsSync(indexFile) ? 'Not found' : 'The web app is not built: run npm run build:web');
    }
    return reply.header('cache-control', 'no-cache').type(contentTypes['.html']!).send(createReadStream(indexFile));
  });
}
