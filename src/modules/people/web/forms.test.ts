import { describe, expect, it } from 'vitest';
import { commandFrom, fieldOfProblem } from '../../../web/recording/event-forms.ts';
import { childDetailsForm, childRegistrationForm, peopleForms } from './forms.ts';

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

  it('changes a child\'s details from a form filled in with the details recorded, with the reason', () => {
    const record = { details: { forename: 'Zoë', surname: "O'Brien", dateOfBirth: '2016-04-03', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, religion: 'None' } };
    const values = childDetailsForm.prefill!(record);
    expect(values).toMatchObject({ forename: 'Zoë', surname: "O'Brien", 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2016', sex: 'F', ethnicity: 'WBRI', religion: 'None' });
    const command = commandFrom(childDetailsForm, { ...values, surname: "O'Brien-Łukasz", reason: 'Name changed by deed poll', 'occurredAt-day': '1', 'occurredAt-month': '6', 'occurredAt-year': '2024' }, { workers: [] });
    expect(command).toEqual({
      type: 'child.details-changed', occurredAt: '2024-06-01',
      data: { forename: 'Zoë', surname: "O'Brien-Łukasz", dateOfBirth: '2016-04-03', sex: 'F', ethnicity: 'WBRI', religion: 'None', reason: 'Name changed by deed poll' },
    });
  });
});
