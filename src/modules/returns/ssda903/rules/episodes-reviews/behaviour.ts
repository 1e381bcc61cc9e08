/** How this group's checks are given: one check for every year, or checks by the year they start. */
import type { ValidationRule } from '../../../validation-rule.ts';

export type Check = ValidationRule['check'];
/** A check, or checks each with the collection year from which it applies, in year order. */
export type Behaviour = Check | readonly (readonly [from: string, check: Check])[];
