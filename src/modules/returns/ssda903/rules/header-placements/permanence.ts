import type { Checks } from './index.ts';

export const permanenceChecks: Record<string, Checks> = {};
