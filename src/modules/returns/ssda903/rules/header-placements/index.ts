/** SSDA903 rules on the header, dates of birth, placements, URNs and postcodes (1xx, 2xx) and on the 6xx family. */
import type { ValidationRule } from '../../../validation-rule.ts';

export const headerAndPlacementRules: readonly ValidationRule[] = [];
