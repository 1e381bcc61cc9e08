/** SSDA903 rules on adoption, care leavers, missing episodes, health (5xx) and the 1000+ cross-checks. */
import type { ValidationRule } from '../../../validation-rule.ts';

export const adoptionAndCareLeaverRules: readonly ValidationRule[] = [];
