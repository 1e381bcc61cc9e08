import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { Actor } from '../platform/request-context.ts';
import { FreeText, IsoDate, LaCode } from '../platform/schema-helpers.ts';
import { timescaleOverridesSchema, type TimescaleOverrides } from '../timescales/rules.ts';
import { retentionOverridesSchema, type RetentionOverrides } from '../retention/schedules.ts';
import { DEFAULT_PARTNER_SHARING_DAYS } from '../access/roles.ts';
import { DEFAULT_SUPERVISION_STANDARD_DAYS } from '../modules/supervision/index.ts';
import { OIDC_CALLBACK_PATH, type OidcSettings } from '../access/oidc-settings.ts';

/** Everything configurable, read once from the environment and checked, so a typo fails at start. */
export interface SafeguardConfig {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  laCode: string;
  /** Until sign-in exists every request runs as this explicitly configured actor. */
  developmentActor: Actor;
  /** Development sign-in: choose any simulated worker to act as. Never on a real deployment. */
  devSignIn: boolean;
  timescaleOverrides: TimescaleOverrides;
  extraBankHolidays: string[];
  /** Local retention periods (see src/retention/schedules.ts). */
  retentionOverrides: RetentionOverrides;
  /** Requests per minute: sign-in attempts per client address, API requests per user (or address). */
  rateLimits: { signInPerMinute: number; apiPerMinute: number };
  /** Single sign-on with the council's identity provider (OpenID Connect): on only when an issuer is set. */
  oidc?: OidcSettings;
  /** Days a child stays shared with a partner agency after the work it was shared for ends (see access/roles.ts). */
  partnerSharingDays: number;
  /** Days between a worker's supervision sessions the council's supervision policy sets (see src/modules/supervision). */
  supervisionStandardDays: number;
  /** Signed checkpoints of the audit chain's head, kept outside the database (see src/platform/audit/checkpoint.ts). */
  auditCheckpoint: AuditCheckpointSettings;
  /** Who a command-line command runs as: the operator, named in its audit rows. */
  operator: Actor;
  /** AES-256-GCM key (64 hex digits) for the accounts and sessions in a backup made with --include-accounts. */
  backupKey?: Buffer;
  /** The largest document file that may be uploaded, in megabytes (SAFEGUARD_DOCUMENT_MAX_MB). */
  documentMaxMegabytes: number;
}

export interface AuditCheckpointSettings {
  /** HMAC key; without it the embedded database makes one in its data folder, a server database has none. */
  key?: string;
  /** Append-only JSON Lines file: by default, for the embedded database, beside its data folder. */
  file?: string;
  /** A shell command each checkpoint is also sent to, one JSON line on its standard input. */
  command?: string;
  /** How often a running server writes one (0: never). */
  intervalMinutes: number;
}

/** https; plain http only on this machine (a provider run for development or tests). */
const secureUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}, 'Use an https:// address (http:// only for localhost)');

function checkOidc(env: NodeJS.ProcessEnv, check: <T>(name: string, schema: z.ZodType<T>, value: unknown) => T | undefined, problems: string[]): OidcSettings | undefined {
  const names = ['SAFEGUARD_OIDC_CLIENT_ID', 'SAFEGUARD_OIDC_CLIENT_SECRET', 'SAFEGUARD_OIDC_REDIRECT_URI'] as const;
  if (!env.SAFEGUARD_OIDC_ISSUER) {
    // Half a configuration is a mistake to report, not a reason to quietly leave single sign-on off.
    const stray = names.filter((name) => env[name]);
    if (stray.length > 0) problems.push(`${stray.join(', ')}: set SAFEGUARD_OIDC_ISSUER as well, or remove them`);
    return undefined;
  }
  const issuer = check('SAFEGUARD_OIDC_ISSUER', secureUrl, env.SAFEGUARD_OIDC_ISSUER);
  const required = z.string({ error: 'Required when SAFEGUARD_OIDC_ISSUER is set' }).min(1, 'Required when SAFEGUARD_OIDC_ISSUER is set');
  const clientId = check('SAFEGUARD_OIDC_CLIENT_ID', required, env.SAFEGUARD_OIDC_CLIENT_ID || undefined);
  const clientSecret = check('SAFEGUARD_OIDC_CLIENT_SECRET', required, env.SAFEGUARD_OIDC_CLIENT_SECRET || undefined);
  const redirectUri = check(
    'SAFEGUARD_OIDC_REDIRECT_URI',
    secureUrl.refine((value) => new URL(value).pathname === OIDC_CALLBACK_PATH && !new URL(value).search, `Use this service's address followed by ${OIDC_CALLBACK_PATH}`),
    env.SAFEGUARD_OIDC_REDIRECT_URI || undefined,
  );
  return issuer && clientId && clientSecret && redirectUri ? { issuer, clientId, clientSecret, redirectUri } : undefined;
}


export function loadConfig(env: NodeJS.ProcessEnv = process.env): SafeguardConfig {
  const problems: string[] = [];
  const check = <T>(name: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${name}: ${result.error.issues.map((i) => i.message).join('; ')}`);
    return result.success ? result.data : undefined;
  };
  const port = check('PORT', z.coerce.number().int().min(0).max(65535), env.PORT ?? '3000');
  const laCode = check('SAFEGUARD_LA_CODE', LaCode, env.SAFEGUARD_LA_CODE ?? '206');
  const [userId = 'development-user', role = 'social-worker', agency = 'childrens-social-care'] = (env.SAFEGUARD_DEV_ACTOR ?? '').split(':').filter(Boolean);
  const developmentActor = check('SAFEGUARD_DEV_ACTOR (user:role:agency)', Actor, { userId, role, agency });
  const timescaleOverrides = check('SAFEGUARD_TIMESCALES', timescaleOverridesSchema, parseJson(env.SAFEGUARD_TIMESCALES ?? '{}'));
  const devSignInSetting = check('SAFEGUARD_DEV_SIGN_IN (on or off)', z.enum(['on', 'off']).optional(), env.SAFEGUARD_DEV_SIGN_IN || undefined);
  const retentionOverrides = check('SAFEGUARD_RETENTION', retentionOverridesSchema, parseJson(env.SAFEGUARD_RETENTION ?? '{}'));
  const perMinute = z.coerce.number().int().min(1).max(10_000_000);
  const signInPerMinute = check('SAFEGUARD_SIGN_INS_PER_MINUTE', perMinute, env.SAFEGUARD_SIGN_INS_PER_MINUTE ?? '10');
  const apiPerMinute = check('SAFEGUARD_API_REQUESTS_PER_MINUTE', perMinute, env.SAFEGUARD_API_REQUESTS_PER_MINUTE ?? '1200');
  const extraBankHolidays = check('SAFEGUARD_EXTRA_BANK_HOLIDAYS', z.array(IsoDate), (env.SAFEGUARD_EXTRA_BANK_HOLIDAYS ?? '').split(',').filter(Boolean));
  const partnerSharingDays = check('SAFEGUARD_PARTNER_SHARING_DAYS', z.coerce.number().int().min(0).max(3650),
    env.SAFEGUARD_PARTNER_SHARING_DAYS || String(DEFAULT_PARTNER_SHARING_DAYS));
  const supervisionStandardDays = check('SAFEGUARD_SUPERVISION_STANDARD_DAYS', z.coerce.number().int().min(1).max(365),
    env.SAFEGUARD_SUPERVISION_STANDARD_DAYS || String(DEFAULT_SUPERVISION_STANDARD_DAYS));
  const oidc = checkOidc(env, check, problems);
  const checkpointKey = check('SAFEGUARD_AUDIT_CHECKPOINT_KEY', z.string().min(32, 'Use at least 32 characters').optional(), env.SAFEGUARD_AUDIT_CHECKPOINT_KEY || undefined);
  const checkpointMinutes = check('SAFEGUARD_AUDIT_CHECKPOINT_MINUTES', z.coerce.number().int().min(0).max(7 * 24 * 60), env.SAFEGUARD_AUDIT_CHECKPOINT_MINUTES ?? '15');
  const operator = check('SAFEGUARD_OPERATOR', FreeText(60).optional(), env.SAFEGUARD_OPERATOR || undefined);
  const backupKey = check('SAFEGUARD_BACKUP_KEY', z.string().regex(/^[0-9a-fA-F]{64}$/, 'Use 64 hex digits (a 256-bit key), e.g. from openssl rand -hex 32').optional(), env.SAFEGUARD_BACKUP_KEY || undefined);
  // A PDF report or a few phone photos; the file is held in memory while it is checked and written.
  const documentMaxMegabytes = check('SAFEGUARD_DOCUMENT_MAX_MB', z.coerce.number().int().min(1).max(200), env.SAFEGUARD_DOCUMENT_MAX_MB || '25');
  const dataDir = path.resolve(env.SAFEGUARD_DATA_DIR ?? '.safeguard-data');
  if (problems.length > 0) throw new Error(`Configuration is not valid:\n- ${problems.join('\n- ')}`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port: port!,
    laCode: laCode!,
    developmentActor: developmentActor!,
    // On by default only for the embedded database: a server database may hold a real council's data.
    devSignIn: devSignInSetting ? devSignInSetting === 'on' : !env.DATABASE_URL,
    timescaleOverrides: timescaleOverrides!,
    extraBankHolidays: extraBankHolidays!,
    retentionOverrides: retentionOverrides!,
    rateLimits: { signInPerMinute: signInPerMinute!, apiPerMinute: apiPerMinute! },
    partnerSharingDays: partnerSharingDays!,
    supervisionStandardDays: supervisionStandardDays!,
    ...(oidc ? { oidc } : {}),
    auditCheckpoint: {
      ...(checkpointKey ? { key: checkpointKey } : {}),
      // Beside the embedded database by default, so that there is one; it anchors the chain only
      // when kept where whoever can change the database cannot (another host or volume).
      ...(env.SAFEGUARD_AUDIT_CHECKPOINT_FILE || !env.DATABASE_URL
        ? { file: path.resolve(env.SAFEGUARD_AUDIT_CHECKPOINT_FILE || `${dataDir}.audit-checkpoints.jsonl`) } : {}),
      ...(env.SAFEGUARD_AUDIT_CHECKPOINT_COMMAND ? { command: env.SAFEGUARD_AUDIT_CHECKPOINT_COMMAND } : {}),
      intervalMinutes: checkpointMinutes!,
    },
    operator: { userId: operator ?? `os:${operatingSystemUser()}`, role: 'operator', agency: 'childrens-social-care' },
    ...(backupKey ? { backupKey: Buffer.from(backupKey, 'hex') } : {}),
    documentMaxMegabytes: documentMaxMegabytes!,
  };
}

/** The account running the command, as the operating system knows it. */
function operatingSystemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A uid with no name (as in some containers).
    return String(process.getuid?.() ?? 'unknown');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // the schema check then reports it as not an object
  }
}
