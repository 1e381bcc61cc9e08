/**
 * The family network's part of a child's record: the professionals around the child, the record's
 * flags and the child's addresses over time.
 */
import type { Address } from './events.ts';

export interface ProfessionalState {
  professionalId: string;
  role: string;
  roleDescription?: string;
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
  address?: string;
  from: string;
  endedOn?: string;
  endReason?: string;
}

export interface FlagState {
  flagId: string;
  kind: string;
  description?: string;
  reason: string;
  raisedOn: string;
  removedOn?: string;
  removalReason?: string;
}

export interface AddressState {
  address: Address;
  from: string;
  /** The day the next move took effect. */
  to?: string;
  householdId?: string;
  moveId?: string;
  reason?: string;
}

export interface FamilyNetworkState {
  professionals: ProfessionalState[];
  flags: FlagState[];
  addresses: AddressState[];
}

export const currentProfessionalsOf = (state: FamilyNetworkState) => state.professionals.filter((p) => p.endedOn === undefined);
export const activeFlagsOf = (state: FamilyNetworkState) => state.flags.filter((f) => f.removedOn === undefined);
export const currentAddressOf = (state: FamilyNetworkState) => state.addresses.find((a) => a.to === undefined);
