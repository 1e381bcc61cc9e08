import { describe, expect, it } from 'vitest';
import { RecordEventCommand } from '../../record/events.ts';
import { eventForms } from '../module-parts.tsx';
import { commandFrom, fieldOfProblem, formValuesOf, messageFor, type FormValues } from './event-forms.ts';

const context = { workers: [{ workerId: 'W0001', teamId: 'child-protection-1' }] };

describe('every module\'s event forms', () => {
  it('turn yes and no into booleans, and ticked boxes into lists', () => {
    const conference = commandFrom(eventForms['conference.initial-held']!, {
      'occurredAt-day': '10', 'occurredAt-month': '03', 'occurredAt-year': '2026', planRequired: 'yes', categoryOfAbuse: 'NEG', chairWorkerId: 'W0001', attendingAgencies: ['police', 'health'],
    }, context);
    expect(conference).toEqual({ type: 'conference.initial-held', occurredAt: '2026-03-10', data: { planRequired: true, categoryOfAbuse: 'NEG', chairWorkerId: 'W0001', attendingAgencies: ['police', 'health'] } });
  });

  it('build every form\'s command in a shape the API schemas accept', () => {
    for (const form of Object.values(eventForms)) {
      const values: Record<string, string | string[]> = { 'occurredAt-day': '1', 'occurredAt-month': '2', 'occurredAt-year': '2026' };
      for (const field of form.fields) {
        if (field.kind === 'radios' || field.kind === 'select') values[field.name] = field.options.find((o) => o.value)!.value;
        if (field.kind === 'checkboxes') values[field.name] = [field.options.at(-1)!.value];
        if (field.kind === 'yes-no') values[field.name] = 'no';
        if (field.kind === 'worker') values[field.name] = 'W0001';
        if (field.kind === 'text' && !field.optional) values[field.name] = field.name === 'householdId' ? 'H1' : field.name === 'postcode' ? 'N1 2AA' : field.name === 'weeklyCost' ? '520' : 'Text';
        if (field.kind === 'textarea' && !field.optional) values[field.name] = 'Text';
        if (field.kind === 'date' && !field.optional) Object.assign(values, { [`${field.name}-day`]: '20', [`${field.name}-month`]: '1', [`${field.name}-year`]: '2026' });
      }
      if (form.type === 'assessment.completed') values.factors = ['21'];
      const command = commandFrom(form, values, context);
      const parsed = RecordEventCommand.safeParse({ ...command, clientId: 'client-id-1' });
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${form.type}: ${i.path.join('.')} ${i.message}`)).toEqual([]);
    }
  });

  it('say what is missing in the words of the question', () => {
    const assessment = eventForms['assessment.completed']!;
    const field = (name: string) => assessment.fields.find((f) => f.name === name);
    expect(messageFor(field('authorisedByWorkerId'), 'Invalid input: expected string, received undefined')).toBe('Select the manager who authorised the assessment');
    // The server's own words for an answer left out give way to the form's; its words about what was given do not.
    expect(messageFor(field('authorisedByWorkerId'), 'Enter who authorised it')).toBe('Select the manager who authorised the assessment');
    expect(messageFor(field('authorisedByWorkerId'), 'Enter who authorised it in the right form')).toBe('Enter who authorised it in the right form');
    expect(messageFor(field('outcome'), 'Invalid input: expected string, received undefined')).toBe('Select outcome');
    expect(messageFor(field('factors'), 'Record at least one factor (21 if none)')).toBe('Record at least one factor (21 if none)');
  });

  it('place API problems on the field that asked for them', () => {
    const form = eventForms['child.registered']!;
    expect(fieldOfProblem(form, 'data.address.postcode')).toBe('postcode');
    expect(fieldOfProblem(eventForms['assessment.completed']!, 'data.factors.0')).toBe('factors');
    expect(fieldOfProblem(form, 'occurredAt')).toBe('occurredAt');
  });

  it('open filled in with any recorded entry\'s answers, so every form can correct what it records', () => {
    for (const form of Object.values(eventForms)) {
      // Every question answered, optional ones too, so that each is read back.
      const values: FormValues = { 'occurredAt-day': '7', 'occurredAt-month': '3', 'occurredAt-year': '2026', 'occurredAt-time': '14:05' };
      for (const field of form.fields) {
        if (field.kind === 'radios' || field.kind === 'select') values[field.name] = field.options.find((o) => o.value)!.value;
        if (field.kind === 'checkboxes') values[field.name] = field.options.slice(-2).map((o) => o.value);
        if (field.kind === 'yes-no') values[field.name] = 'yes';
        if (field.kind === 'worker') values[field.name] = 'W0001';
        if (field.kind === 'text' || field.kind === 'textarea') values[field.name] = `Answer to ${field.name}`;
        if (field.kind === 'date') Object.assign(values, { [`${field.name}-day`]: '20', [`${field.name}-month`]: '1', [`${field.name}-year`]: '2026' });
      }
      const recorded = commandFrom(form, values, context);
      const reopened = formValuesOf(form, recorded);
      expect({ form: form.type, command: commandFrom(form, reopened, context, recorded.data) }).toEqual({ form: form.type, command: recorded });
    }
  });

  it('keep in a correction what the corrected entry holds that the form does not ask about, and drop an answer taken out', () => {
    const form = eventForms['mash-check.completed']!;
    const recorded = { occurredAt: '2026-03-07', data: { agency: 'police', informationHeld: true, summary: 'Known to police', checkId: 'check-1' } };
    const values = { ...formValuesOf(form, recorded), summary: '' };
    expect(commandFrom(form, values, context, recorded.data).data).toEqual({ agency: 'police', informationHeld: true, checkId: 'check-1' });
  });
});
