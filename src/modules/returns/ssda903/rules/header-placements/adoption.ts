import type { Checks } from './index.ts';

export const adoptionChecks: Record<string, Checks> = {};
