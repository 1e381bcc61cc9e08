import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../../record/events.ts';
import { commandFrom, fieldOfProblem } from '../../../web/recording/event-forms.ts';
import { frontDoorForms } from './forms.ts';

const contactForm = frontDoorForms.find((form) => form.type === 'contact.received')!;

describe('the front door\'s forms', () => {
  it('derive the DfE referral source from the local contact source', () => {
    const command = commandFrom(contactForm, {
      'occurredAt-day': '4', 'occurredAt-month': '3', 'occurredAt-year': '2026', 'occurredAt-time': '09:15', localSource: 'school', primaryReason: 'domestic-abuse', referrerName: ' ',
    }, { workers: [] });
    expect(command.data).toEqual({ localSource: 'school', primaryReason: 'domestic-abuse', source: '2A' });
    expect(command.occurredAt).toMatch(/^2026-03-04T\d{2}:15:00Z$/);
    expect(RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' }).success).toBe(true);
  });

  it('answer a problem with the derived source through the question it comes from', () => {
    expect(fieldOfProblem(contactForm, 'data.source')).toBe('localSource');
  });
});
