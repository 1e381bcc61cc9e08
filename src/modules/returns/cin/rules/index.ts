/** Every CIN census validation rule, every version, for every collection year Safeguard knows. */
import type { ValidationRule } from '../../validation-rule.ts';

export const cinRules: readonly ValidationRule[] = [];

/** Fixture cases where a rule deliberately differs from the open-source validator's test, with why. */
export const cinKnownDifferences: Readonly<Record<string, string>> = {};
