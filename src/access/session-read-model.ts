/**
 * Who is signed in, as the sign-in API answers it and the web app reads it, in Zod: shared by the
 * server and the browser, so it holds Zod and the kernel's names and nothing else.
 */
import { z } from 'zod';
import { capabilityNames, recordScopes } from '../platform/request-context.ts';
import type { Permissions } from './policy.ts';

/** What a person may do, so the web app offers only that; the server still decides every request. */
export const PermissionsOut = z.object({
  scope: z.enum(recordScopes),
  records: z.boolean().describe('May record events on the children\'s records in scope'),
  seesChildren: z.boolean().describe('False for figures-only roles: no child-level row at all'),
  capabilities: z.array(z.enum(capabilityNames)),
  figures: z.enum(['raw', 'published', 'disclosure-controlled']).describe('How the council\'s figures are shown to this person (docs/analytics.md, "Who sees which figures")'),
}) satisfies z.ZodType<Permissions>;

/** GET /api/v1/session: who is signed in with an account, and how one may sign in here. */
export const SessionOut = z.object({
  signedIn: z.boolean(),
  pendingSecondFactor: z.boolean(),
  user: z.object({
    userId: z.string(), displayName: z.string(), role: z.string(), roleTitle: z.string(), agency: z.string(), teamId: z.string().nullable(), workerId: z.string().nullable(),
    permissions: PermissionsOut,
  }).nullable(),
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  singleSignOn: z.boolean().describe('Whether sign-in with the council\'s identity provider is set up (GET /api/v1/sign-in/oidc)'),
  devSignIn: z.boolean().describe('Whether development sign-in (a simulated worker at /sign-in) is switched on'),
});
export type SessionOut = z.infer<typeof SessionOut>;
