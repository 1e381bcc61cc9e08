/** Every CIN census validation rule, every version, for every collection year Safeguard knows. */
import type { ValidationRule } from '../../validation-rule.ts';
import { headerRules } from './header.ts';
import { identifierRules } from './identifiers.ts';
import { cinDetailsRules } from './cin-details.ts';
import { assessmentRules } from './assessments.ts';
import { section47Rules } from './section47.ts';
import { cinPlanRules } from './cin-plans.ts';
import { childProtectionRules } from './cp-plans.ts';
import { returnLevelRules } from './return-level.ts';

const byCode = (a: ValidationRule, b: ValidationRule) =>
  Number.parseInt(a.code, 10) - Number.parseInt(b.code, 10) || a.code.localeCompare(b.code) || a.from.localeCompare(b.from);

export const cinRules: readonly ValidationRule[] = [...headerRules, ...identifierRules, ...cinDetailsRules, ...assessmentRules, ...section47Rules, ...cinPlanRules, ...childProtectionRules, ...returnLevelRules].sort(byCode);

export { cinKnownDifferences } from './known-differences.ts';
