import type { Checks } from './index.ts';

export const placementChecks: Record<string, Checks> = {};
