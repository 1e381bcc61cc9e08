import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sexCodes } from '../codes/statutory-codes.ts';
import { codeFrom, FreeText, IsoDate, OccurredAt } from './schema-helpers.ts';

describe('validation messages in plain English', () => {
  const Form = z.object({
    occurredAt: OccurredAt,
    data: z.object({
      forename: FreeText(5), dateOfBirth: IsoDate, sex: codeFrom(sexCodes, 'sex'), relationship: z.enum(['mother', 'father']),
      seenAlone: z.boolean(), reportWrittenOn: IsoDate.optional(),
    }),
  });
  const messages = (value: unknown) => {
    const parsed = Form.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('lists every missing field at once, each as an instruction naming it', () => {
    expect(messages({ data: {} })).toEqual([
      'occurredAt: Enter the date',
      'data.forename: Enter the first name',
      'data.dateOfBirth: Enter the date of birth',
      'data.sex: Select the sex',
      'data.relationship: Select the relationship',
      'data.seenAlone: Select whether the child was seen alone',
    ]);
  });

  it('says what is wrong with a field given: too long, not in the list, not a real date', () => {
    expect(messages({
      occurredAt: '2026-13-01',
      data: { forename: 'Alexandra', dateOfBirth: '2023-02-30', sex: 'Q', relationship: 'aunt', seenAlone: 'yes', reportWrittenOn: '21/11/2026' },
    })).toEqual([
      'occurredAt: The date must be a real date (like 2026-11-21) or date and time (like 2026-11-21T09:15:00Z)',
      'data.forename: The first name must be 5 characters or fewer',
      'data.dateOfBirth: The date of birth must be a real date',
      'data.sex: Select the sex from the list',
      'data.relationship: Select the relationship from the list',
      'data.seenAlone: Select yes or no for whether the child was seen alone',
      'data.reportWrittenOn: The date the report was written must be a real date, like 2026-11-21',
    ]);
  });
});
