/**
 * While `safeguard serve` gets ready (starting the embedded database, seeding the synthetic
 * borough on a first start, which can take minutes on a busy machine), its port answers at once:
 * a "setting up" page in the GOV.UK style that refreshes itself and shows how far seeding has
 * got, and for the API a 503 with Retry-After and the same progress as JSON. The app takes the
 * port over when it is ready.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';

export interface SettingUpProgress {
  /** 0 to 100. */
  percent: number;
  /** What is happening, in words: "Simulating the synthetic borough's families". */
  stage: string;
}

export interface SettingUpServer {
  report(progress: SettingUpProgress): void;
  /** Stops answering and frees the port for the app. */
  close(): Promise<void>;
}

const RETRY_AFTER_SECONDS = 5;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function govukStylesheet(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8');
  } catch {
    return undefined;
  }
}

export function settingUpPage(progress: SettingUpProgress): string {
  const percent = Math.max(0, Math.min(100, Math.floor(progress.percent)));
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
  <title>Safeguard is setting up – Safeguard</title>
  <link rel="stylesheet" href="/setting-up/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
  <header class="govuk-header" data-module="govuk-header">
    <div class="govuk-header__container govuk-width-container"><span class="govuk-header__service-name">Safeguard</span></div>
  </header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content">
      <h1 class="govuk-heading-l">Safeguard is setting up</h1>
      <p class="govuk-body">This is the first start: Safeguard is preparing its database and a synthetic borough to try it with (no real child's data is ever used). This page refreshes itself every ${RETRY_AFTER_SECONDS} seconds and opens Safeguard when it is ready.</p>
      <div class="govuk-panel govuk-panel--confirmation" style="background:#1d70b8">
        <h2 class="govuk-panel__title" id="progress">${percent}% done</h2>
        <div class="govuk-panel__body">${escapeHtml(progress.stage)}</div>
      </div>
      <p class="govuk-body"><progress max="100" value="${percent}" aria-labelledby="progress" style="width:100%">${percent}%</progress></p>
    </main>
  </div>
</body>
</html>
`;
}

/** Starts answering on the port; throws if it is taken (as the app would). */
export async function startSettingUpServer(port: number, host = '127.0.0.1'): Promise<SettingUpServer> {
  let progress: SettingUpProgress = { percent: 0, stage: 'Starting the database' };
  const stylesheet = govukStylesheet();
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
      response.end(JSON.stringify({
        error: { code: 'busy', message: `Safeguard is setting up (${Math.floor(progress.percent)}% done: ${progress.stage}). Try again in ${RETRY_AFTER_SECONDS} seconds`, retryAfterSeconds: RETRY_AFTER_SECONDS },
        settingUp: { percent: Math.floor(progress.percent), stage: progress.stage },
      }));
      return;
    }
    if (url === '/setting-up/govuk-frontend.min.css' && stylesheet) {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' });
      response.end(stylesheet);
      return;
    }
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
    response.end(settingUpPage(progress));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    report(next) {
      progress = next;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
