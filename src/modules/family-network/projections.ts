/**
 * The family network's projection table, created by migrations/0030_family_network.sql: the
 * child's addresses over time, for the household page (where the household lives now).
 */
import { projectionTable } from '../../record/projection.ts';
import type { FamilyNetworkState } from './state.ts';

export const familyNetworkProjections = [
  projectionTable({
    table: 'child_address',
    columns: {
      position: 'integer', from_on: 'date', to_on: 'date', line1: 'text', line2: 'text', town: 'text', postcode: 'text', household_id: 'text', move_id: 'uuid',
    },
    key: ['child_id', 'position'],
    rowsOf: (state: FamilyNetworkState) => state.addresses.map((a, index) => ({
      position: index + 1, from_on: a.from, to_on: a.to ?? null, line1: a.address.line1, line2: a.address.line2 ?? null, town: a.address.town ?? null,
      postcode: a.address.postcode, household_id: a.householdId ?? null, move_id: a.moveId ?? null,
    })),
  }),
];
