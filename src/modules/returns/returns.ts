/** The statutory returns Safeguard produces and validates, by kind. */
import { cinCensus } from './cin/index.ts';
import { ssda903Return } from './ssda903/index.ts';
import type { StatutoryReturn } from './statutory-return.ts';
import type { ReturnKind } from './validation-rule.ts';

export const statutoryReturns: Readonly<Record<ReturnKind, StatutoryReturn>> = { cin: cinCensus, ssda903: ssda903Return };
