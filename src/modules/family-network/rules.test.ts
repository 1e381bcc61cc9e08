import { describe, expect, it } from 'vitest';
import { foldChildRecord, FoldError, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions } from '../../record/transitions.ts';
import { relationshipKinds } from '../people/index.ts';
import { addressHistoryOf, AdultDetails, adultRelationshipKinds, type AdultVersion } from './adults.ts';

let sequence = 0;
function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return { type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence, recordedAt: '2030-01-01T12:00:00Z', ...extra } as LoggedEvent;
}
const registered = () => logged('child.registered', '2023-01-02', { forename: 'Mira', surname: 'Novak', dateOfBirth: '2015-05-04', sex: 'F', ethnicity: 'WOTH', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false });
const foldOf = (events: LoggedEvent[]) => foldChildRecord('206', 'FN1', events);
const refusalOf = (events: LoggedEvent[]): FoldError => {
  try { foldOf(events); } catch (error) { if (error instanceof FoldError) return error; throw error; }
  throw new Error('The log folded: expected a refusal');
};
const address = (line1: string) => ({ line1, postcode: 'SE1 7PB' });

describe('flags', () => {
  it('keeps a raised flag until it is removed, with both reasons and dates', () => {
    const raised = logged('flag.raised', '2024-01-10', { kind: 'risk-to-visiting-staff', reason: 'Dog on the premises' });
    const { state } = foldOf([registered(), raised, logged('flag.removed', '2024-03-01', { reason: 'The dog was rehomed' })]);
    expect(state.flags).toEqual([{ flagId: raised.eventId, kind: 'risk-to-visiting-staff', reason: 'Dog on the premises', raisedOn: '2024-01-10', removedOn: '2024-03-01', removalReason: 'The dog was rehomed' }]);
  });

  it('refuses a flag already raised, but allows different "other" flags side by side', () => {
    const raise = (kind: string, description?: string) => logged('flag.raised', '2024-01-10', { kind, reason: 'Because', ...(description ? { description } : {}) });
    expect(refusalOf([registered(), raise('interpreter-needed'), raise('interpreter-needed')]).message).toMatch(/already raised/);
    expect(foldOf([registered(), raise('other', 'Uses sign language'), raise('other', 'Keyholder only')]).state.flags).toHaveLength(2);
  });

  it('offers removing a flag only when one is raised, and refuses removing one before it was raised', () => {
    expect(allowedActions(foldOf([registered()]).state)).not.toContain('flag.removed');
    expect(allowedActions(foldOf([registered(), logged('flag.raised', '2024-01-10', { kind: 'cp-is-elsewhere', reason: 'CP-IS' })]).state)).toContain('flag.removed');
    const refusal = refusalOf([registered(), logged('flag.raised', '2024-01-10', { kind: 'cp-is-elsewhere', reason: 'CP-IS' }), logged('flag.removed', '2024-01-09', { reason: 'Wrong' })]);
    // Folded in business order, a removal dated before the raising finds no flag to remove.
    expect(refusal.message).toMatch(/You cannot remove a flag on .*: first raise a flag on the record/);
  });
});

describe('professionals and addresses', () => {
  it('ends a professional\'s involvement, and refuses the same professional twice in a role', () => {
    const gp = logged('professional.recorded', '2024-01-10', { role: 'gp', name: 'Dr Lewis' });
    const { state } = foldOf([registered(), gp, logged('professional.ended', '2024-05-01', { reason: 'Family moved surgery' })]);
    expect(state.professionals[0]).toMatchObject({ professionalId: gp.eventId, endedOn: '2024-05-01', endReason: 'Family moved surgery' });
    expect(refusalOf([registered(), gp, logged('professional.recorded', '2024-02-10', { role: 'gp', name: 'dr lewis' })]).message).toMatch(/already recorded/);
  });

  it('keeps each address with its dates, closes the last on a move, keeps the child\'s details current, and refuses a move before the child was born', () => {
    const { state } = foldOf([registered(), logged('address.changed', '2024-01-10', { address: address('1 First Street') }), logged('address.changed', '2024-06-01', { address: address('2 Second Street'), householdId: 'H1', moveId: '00000000-0000-4000-8000-00000000abcd' })]);
    expect(state.addresses.map((a) => [a.address.line1, a.from, a.to])).toEqual([['1 First Street', '2024-01-10', '2024-06-01'], ['2 Second Street', '2024-06-01', undefined]]);
    expect(state.details?.address).toEqual({ line1: '2 Second Street', postcode: 'SE1 7PB' });
    // A move recorded late falls into its place in the history.
    const late = foldOf([registered(), logged('address.changed', '2024-06-01', { address: address('A') }), logged('address.changed', '2024-01-01', { address: address('B') })]).state;
    expect(late.addresses.map((a) => [a.address.line1, a.from, a.to])).toEqual([['B', '2024-01-01', '2024-06-01'], ['A', '2024-06-01', undefined]]);
    expect(late.details?.address?.line1).toBe('A');
    // Registered before birth (with the date of birth recorded since), a move before it is refused.
    const early = { ...registered(), occurredAt: '2013-01-02' } as LoggedEvent;
    expect(refusalOf([early, logged('address.changed', '2014-01-01', { address: address('A') })]).message).toMatch(/on or after the child's date of birth, 2015-05-04/);
  });
});

describe('an adult\'s details and address history', () => {
  const version = (n: number, details: Partial<AdultDetails>, recordedAt: string): AdultVersion => ({
    personId: 'p', version: n, changeReason: n === 1 ? null : 'changed', recordedBy: 'u', recordedAt,
    details: AdultDetails.parse({ forename: 'Grace', surname: 'Okafor', ...details }),
  });

  it('offers an adult every relationship to a child the people module records but a sibling\'s', () => {
    expect([...adultRelationshipKinds]).toEqual(relationshipKinds.filter((kind) => !kind.endsWith('sibling')));
  });

  it('asks for the interpreter\'s language when one is needed', () => {
    const parsed = AdultDetails.safeParse({ forename: 'Grace', surname: 'Okafor', interpreterNeeded: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['interpreterLanguage', 'Enter the language the interpreter is needed for']]);
  });

  it('lists an address once for as long as it stays the same, from the day the adult moved in', () => {
    const history = addressHistoryOf([
      version(1, { address: address('1 First Street') }, '2024-01-02T10:00:00Z'),
      version(2, { address: address('1 First Street'), phone: '07700 900123' }, '2024-02-02T10:00:00Z'),
      version(3, { address: address('2 Second Street'), addressFrom: '2024-05-30' }, '2024-06-02T10:00:00Z'),
    ]);
    expect(history).toEqual([
      { address: address('1 First Street'), from: '2024-01-02', to: '2024-05-30' },
      { address: address('2 Second Street'), from: '2024-05-30' },
    ]);
  });
});
