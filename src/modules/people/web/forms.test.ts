import { describe, expect, it } from 'vitest';
import { commandFrom, fieldOfProblem } from '../../../web/recording/event-forms.ts';
import { childRegistrationForm, peopleForms } from './forms.ts';

const allocationForm = peopleForms.find((form) => form.type === 'allocation.started')!;

describe('the people module\'s forms', () => {
  it('allocate the child to the chosen worker and their team', () => {
    const context = { workers: [{ workerId: 'W0001', teamId: 'child-protection-1' }] };
    expect(commandFrom(allocationForm, { workerId: 'W0001' }, context).data).toEqual({ workerId: 'W0001', teamId: 'child-protection-1' });
    expect(fieldOfProblem(allocationForm, 'data.teamId')).toBe('workerId');
  });

  it('ask for the postcode as part of the child\'s address', () => {
    const command = commandFrom(childRegistrationForm, { forename: 'Keira', surname: 'Whitlock', postcode: 'N7 6PA' }, { workers: [] });
    expect(command.data).toMatchObject({ forename: 'Keira', surname: 'Whitlock', address: { postcode: 'N7 6PA' } });
    expect(fieldOfProblem(childRegistrationForm, 'data.address.postcode')).toBe('postcode');
  });
});
