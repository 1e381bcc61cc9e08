/** SSDA903 rules on adoption, care leavers, missing episodes, health (5xx) and the 1000+ cross-checks. */
import type { ValidationRule } from '../../../validation-rule.ts';
import { adoptionRules } from './adoption.ts';
import { careLeaverRules } from './care-leavers.ts';
import { continuityRules } from './continuity.ts';
import { healthRules } from './health.ts';
import { integrityRules } from './integrity.ts';
import { missingRules } from './missing.ts';
import { placementRules } from './placements.ts';

export const adoptionAndCareLeaverRules: readonly ValidationRule[] = [
  ...continuityRules,
  ...adoptionRules,
  ...healthRules,
  ...missingRules,
  ...placementRules,
  ...careLeaverRules,
  ...integrityRules,
];
