import type { Checks } from './index.ts';

export const outcomeChecks: Record<string, Checks> = {};
