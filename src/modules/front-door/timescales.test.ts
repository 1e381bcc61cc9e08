import { describe, expect, it } from 'vitest';
import {
  contactDecided,
  contactReceived,
  dutiesOfRuleIn,
  episodeClosed,
  statusOf,
  theOnly,
} from '../../timescales/test-builders.ts';
import { frontDoorTimescaleRules } from './timescales.ts';

const dutiesOf = dutiesOfRuleIn(frontDoorTimescaleRules);

describe('contact decision within 1 working day', () => {
  it('is due on the next working day after the London date of the contact', () => {
    // Friday 1 March 2024, 16:30 → due Monday 4 March.
    const contact = contactReceived({ at: '2024-03-01T16:30:00Z' });
    const decision = contactDecided({ at: '2024-03-04T10:00:00Z', contact });
    const duty = theOnly(dutiesOf('contact-decision-within-1-working-day', [contact, decision]));
    expect(duty).toMatchObject({
      subjectId: contact.eventId,
      startedOn: '2024-03-01',
      dueOn: '2024-03-04',
      closure: 'met',
      closedOn: '2024-03-04',
      closedByEventId: decision.eventId,
    });
    expect(statusOf(duty, '2024-03-01')).toEqual({ state: 'open', daysLeft: 1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-04')).toEqual({ state: 'met-on-time', countedIn: 'working-days' });
  });

  it('takes the date in England, not in UTC', () => {
    // 23:30 UTC on Thursday 4 July 2024 is 00:30 on Friday 5 July in London → due Monday 8 July.
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contactReceived({ at: '2024-07-04T23:30:00Z' })]),
    );
    expect(duty).toMatchObject({ startedOn: '2024-07-05', dueOn: '2024-07-08' });
    expect(duty.closure).toBeUndefined();
  });

  it('is met late across Easter, and only by the decision on that contact', () => {
    // Thursday 28 March 2024 → Good Friday and Easter Monday are not working days → due Tuesday 2 April.
    const contact = contactReceived({ at: '2024-03-28T09:00:00Z' });
    const otherContact = contactReceived({ at: '2024-03-28T09:05:00Z' });
    const events = [
      contact,
      otherContact,
      contactDecided({ at: '2024-04-02T09:00:00Z', contact: otherContact }),
      contactDecided({ at: '2024-04-03T09:00:00+01:00', contact }),
    ];
    const [late, onTime] = dutiesOf('contact-decision-within-1-working-day', events);
    expect(late).toMatchObject({ subjectId: contact.eventId, dueOn: '2024-04-02', closedOn: '2024-04-03' });
    expect(statusOf(late!, '2024-04-02')).toEqual({ state: 'open', daysLeft: 0, countedIn: 'working-days' });
    expect(statusOf(late!, '2024-04-03')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
    expect(statusOf(onTime!, '2024-04-03')).toEqual({ state: 'met-on-time', countedIn: 'working-days' });
  });

  it('stays due when a children-in-need episode closes', () => {
    const contact = contactReceived({ at: '2024-03-04T09:00:00Z' });
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contact, episodeClosed({ at: '2024-03-04T12:00:00Z' })]),
    );
    expect(duty.closure).toBeUndefined();
    expect(statusOf(duty, '2024-03-06')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'working-days' });
  });
});
