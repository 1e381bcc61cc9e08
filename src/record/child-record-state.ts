import type { ChildIdentity } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';

type IntersectionOf<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/**
 * A child's record as folded from the effective events: whose it is, and each module's part of
 * it. Nothing here is stored as truth.
 */
export type ChildRecordState = ChildIdentity & IntersectionOf<ReturnType<(typeof domainModules)[number]['initialState']>>;

export function emptyChildRecord(laCode: string, childId: string): ChildRecordState {
  return Object.assign({ laCode, childId }, ...domainModules.map((module) => module.initialState())) as ChildRecordState;
}
