import type { Checks } from './index.ts';

export const episodeChecks: Record<string, Checks> = {};
