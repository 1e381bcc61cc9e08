/**
 * The family network's part of the child's record summary, as the API answers it and the web app
 * reads it: the professionals around the child, the record's flags and the child's addresses.
 * The adults linked to the child are read from their own route (routes.ts), scoped and audited.
 */
import { z } from 'zod';
import { Address } from './events.ts';
import type { FamilyNetworkState } from './state.ts';

const Professional = z.object({
  professionalId: z.string(), role: z.string(), roleDescription: z.string().optional(), name: z.string(), organisation: z.string().optional(),
  phone: z.string().optional(), email: z.string().optional(), address: z.string().optional(), from: z.string(), endedOn: z.string().optional(),
  endReason: z.string().optional(),
});

const Flag = z.object({
  flagId: z.string(), kind: z.string(), description: z.string().optional(), reason: z.string(), raisedOn: z.string(),
  removedOn: z.string().optional(), removalReason: z.string().optional(),
});

const AddressHistoryEntry = z.object({
  address: Address, from: z.string(), to: z.string().optional(), householdId: z.string().optional(), moveId: z.string().optional(), reason: z.string().optional(),
});

export const FamilyNetworkReadModel = z.object({
  familyNetwork: z.object({
    professionals: z.array(Professional).describe('Every professional recorded around the child, current ones without endedOn'),
    flags: z.array(Flag).describe('Every flag raised on the record, active ones without removedOn'),
    addresses: z.array(AddressHistoryEntry).describe('The child\'s addresses, oldest first; the current one has no `to`'),
  }),
});
export type FamilyNetworkReadModel = z.infer<typeof FamilyNetworkReadModel>;

export const familyNetworkSummaryOf = (state: FamilyNetworkState): FamilyNetworkReadModel => ({
  familyNetwork: { professionals: state.professionals, flags: state.flags, addresses: state.addresses },
});
