/** Every SSDA903 validation rule, every version, for every collection year Safeguard knows. */
import type { ValidationRule } from '../../validation-rule.ts';
import { adoptionAndCareLeaverRules } from './adoption-care-leavers/index.ts';
import { knownDifferences as adoptionAndCareLeaverDifferences } from './adoption-care-leavers/known-differences.ts';
import { episodeAndReviewRules } from './episodes-reviews/index.ts';
import { knownDifferences as episodeAndReviewDifferences } from './episodes-reviews/known-differences.ts';
import { headerAndPlacementRules } from './header-placements/index.ts';
import { knownDifferences as headerAndPlacementDifferences } from './header-placements/known-differences.ts';

export const ssda903Rules: readonly ValidationRule[] = [...headerAndPlacementRules, ...episodeAndReviewRules, ...adoptionAndCareLeaverRules];

/** Fixture cases where a rule deliberately differs from the open-source validator's test, with why. */
export const ssda903KnownDifferences: Readonly<Record<string, string>> = {
  ...headerAndPlacementDifferences, ...episodeAndReviewDifferences, ...adoptionAndCareLeaverDifferences,
};
