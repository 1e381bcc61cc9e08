/** SSDA903 rules on episodes, legal statuses, reviews and deprivation of liberty (3xx, 4xx, 7xx) and social worker episodes (SW). */
import type { ValidationRule } from '../../../validation-rule.ts';

export const episodeAndReviewRules: readonly ValidationRule[] = [];
