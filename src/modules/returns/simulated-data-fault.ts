/**
 * A data-entry slip the synthetic borough makes on purpose, so that the returns' validation can be
 * shown to find it: something the record's own schemas and rules accept but a DfE rule flags (a
 * UPN with a wrong check letter, a disability entered twice). Which children have one is a pure
 * function of the child's id, so a test can say which issues to expect without reading the simulator.
 */
import type { SimulatedChild } from '../../simulate/simulator-behaviour.ts';

export interface SimulatedDataFault {
  /** The DfE rule that must flag it: '1510', '8794', '392b'… */
  code: string;
  /** What the slip is, in plain English. */
  description: string;
  /** Whether the child is one the fault is planned for (about 1 in several hundred). */
  plannedFor: (childId: string) => boolean;
  /** Makes the slip in the child's simulated events; says whether it could (the child has the data it needs). */
  inject: (child: SimulatedChild) => boolean;
}

/** A number from 0 to 999 of a child's id, the same every run: which children have which slip. */
export function faultDrawOf(childId: string, salt: string): number {
  let hash = 2166136261;
  for (const character of `${salt}:${childId}`) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  return hash % 1000;
}
