import path from 'node:path';
import { z } from 'zod';
import { Actor } from '../record/events.ts';
import { IsoDate, LaCode } from '../record/schema-helpers.ts';
import { timescaleOverridesSchema, type TimescaleOverrides } from '../timescales/rules.ts';
import { retentionOverridesSchema, type RetentionOverrides } from '../retention/schedules.ts';

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
  if (problems.length > 0) throw new Error(`Configuration is not valid:\n- ${problems.join('\n- ')}`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SAFEGUARD_DATA_DIR ?? '.safeguard-data'),
    port: port!,
    laCode: laCode!,
    developmentActor: developmentActor!,
    // On by default only for the embedded database: a server database may hold a real council's data.
    devSignIn: devSignInSetting ? devSignInSetting === 'on' : !env.DATABASE_URL,
    timescaleOverrides: timescaleOverrides!,
    extraBankHolidays: extraBankHolidays!,
    retentionOverrides: retentionOverrides!,
    rateLimits: { signInPerMinute: signInPerMinute!, apiPerMinute: apiPerMinute! },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // the schema check then reports it as not an object
  }
}
