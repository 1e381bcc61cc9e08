import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import { domainModules } from '../modules/registry.ts';
import { describeTimescale, resolveTimescaleRules, timescaleRules } from './rules.ts';
import type { TimescaleRule } from './timescale-rule.ts';

/** The event types of the child's record, which the rules may read. */
const knownEventTypes = new Set(domainModules.flatMap((module) => module.events.map((event) => event.shape.type.value)));

function ruleById(rules: readonly TimescaleRule[], id: string): TimescaleRule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

describe('the timescale rules', () => {
  it('have unique kebab-case ids, a source and an effective date', () => {
    const ids = timescaleRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of timescaleRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.source.length).toBeGreaterThan(10);
      expect(isIsoDate(rule.effectiveFrom)).toBe(true);
      expect(rule.due.amount).toBeGreaterThan(0);
    }
  });

  it('cite their row of the statutory timescales table when national, which orders them', () => {
    for (const rule of timescaleRules.filter((candidate) => !candidate.local)) {
      expect(rule.source, rule.id).toMatch(/^Table row \d+\b/);
    }
  });

  it('cover the national and local timescales asked for, in the order of the table', () => {
    // Children looked after's rules (cla-*, rows 9 to 17) in the table's order, national before local.
    const lookedAfter = timescaleRules.filter((rule) => rule.id.startsWith('cla-'));
    expect(lookedAfter.filter((rule) => !rule.local).map((rule) => rule.id)).toEqual([
      'cla-care-plan-within-10-working-days', 'cla-placement-plan-within-5-working-days-of-the-first-placement', 'cla-placement-plan-within-5-working-days-of-a-new-placement',
      'cla-first-review-within-20-working-days', 'cla-second-review-within-3-months', 'cla-reviews-every-6-months',
      'cla-visit-within-1-week-of-becoming-looked-after', 'cla-visit-within-1-week-of-a-new-placement', 'cla-visit-within-6-weeks-of-the-last', 'cla-visit-within-3-months-of-the-last',
      'cla-initial-health-assessment-within-20-working-days', 'cla-review-health-assessment-within-6-months', 'cla-review-health-assessment-within-12-months',
      'cla-pep-within-10-working-days', 'cla-pep-each-term',
    ]);
    expect(lookedAfter.filter((rule) => rule.local).map((rule) => rule.id)).toEqual([1, 2, 3, 4, 5, 8, 10, 12].map((weeks) => `cla-visit-within-${weeks}-weeks-of-the-last`));
    expect(timescaleRules.filter((rule) => !rule.id.startsWith('cla-')).map((rule) => [rule.id, rule.local])).toEqual([
      ['contact-decision-within-1-working-day', false],
      ['assessment-within-45-working-days-of-referral', false],
      ['initial-conference-within-15-working-days-of-strategy-discussion', false],
      ['first-core-group-after-initial-conference', false],
      ['review-conference-within-3-months-then-every-6-months', false],
      ['child-protection-visit', true],
      ['private-fostering-initial-visit-within-7-working-days', false],
      ['private-fostering-visits-every-6-weeks-in-first-year', false],
      ['private-fostering-visits-every-12-weeks-after-first-year', false],
      ['allocation-after-referral', true],
      ['child-seen-after-allocation', true],
      ['private-fostering-annual-review', true],
    ]);
  });

  it('read only event types of the record', () => {
    for (const rule of timescaleRules) {
      const types = [
        rule.clockStart.eventType,
        ...(rule.clockFrom ? [rule.clockFrom.eventType, ...(rule.clockFrom.clearedBy ?? [])] : []),
        ...rule.metBy.map((matcher) => matcher.eventType),
        ...rule.cancelledBy.map((matcher) => matcher.eventType),
      ];
      for (const type of types) expect(knownEventTypes, `${rule.id}: ${type}`).toContain(type);
    }
  });

  it('name their timescale in the title, so a changed amount can be shown', () => {
    for (const rule of timescaleRules) {
      expect(rule.title, rule.id).toContain(describeTimescale(rule.due));
      if (rule.recurrence) expect(rule.title, rule.id).toContain(describeTimescale(rule.recurrence));
    }
  });
});

describe('resolveTimescaleRules', () => {
  it('returns every rule unchanged without overrides', () => {
    expect(resolveTimescaleRules()).toEqual(timescaleRules);
  });

  it('changes a local interval, with its recurrence and title', () => {
    const rules = resolveTimescaleRules({ 'child-protection-visit': { amount: 15 } });
    expect(ruleById(rules, 'child-protection-visit')).toMatchObject({
      due: { amount: 15, unit: 'working-days' },
      recurrence: { amount: 15, unit: 'working-days', from: 'previous-occurrence' },
      title: 'See a child on a child protection plan at a statutory visit at least every 15 working days',
    });
    expect(ruleById(timescaleRules, 'child-protection-visit').due.amount).toBe(10); // the defaults are untouched
  });

  it('sets a recurrence interval of its own', () => {
    const rules = resolveTimescaleRules({ 'child-protection-visit': { recurrenceAmount: 20 } });
    expect(ruleById(rules, 'child-protection-visit')).toMatchObject({
      due: { amount: 10 },
      recurrence: { amount: 20 },
      title: 'See a child on a child protection plan at a statutory visit at least every 10 working days, then every 20 working days',
    });
  });

  it('changes hours and adoption dates of local rules', () => {
    const rules = resolveTimescaleRules({
      'allocation-after-referral': { amount: 72, effectiveFrom: '2024-04-01' },
    });
    expect(ruleById(rules, 'allocation-after-referral')).toMatchObject({
      due: { amount: 72, unit: 'hours' },
      title: 'Allocate a social worker within 72 hours of the referral',
      effectiveFrom: '2024-04-01',
    });
  });

  it('changes a statutory timescale whose wording is unverified', () => {
    const rules = resolveTimescaleRules({
      'first-core-group-after-initial-conference': { amount: 15 },
    });
    expect(ruleById(rules, 'first-core-group-after-initial-conference').due.amount).toBe(15);
  });

  it('leaves out disabled rules, statutory ones included', () => {
    const rules = resolveTimescaleRules({
      'child-seen-after-allocation': { enabled: false },
      'contact-decision-within-1-working-day': { enabled: false },
      'allocation-after-referral': { enabled: true },
    });
    expect(rules.map((rule) => rule.id)).not.toContain('child-seen-after-allocation');
    expect(rules.map((rule) => rule.id)).not.toContain('contact-decision-within-1-working-day');
    expect(rules).toHaveLength(timescaleRules.length - 2);
  });

  it('refuses to change a statutory timescale', () => {
    const attempt = () =>
      resolveTimescaleRules({ 'initial-conference-within-15-working-days-of-strategy-discussion': { amount: 20 } });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/statutory timescale .* cannot be changed/);
  });

  it('names the bad setting', () => {
    /** The field the error names. */
    const errorOf = (overrides: unknown): { code: string; field?: string; message: string } => {
      try {
        resolveTimescaleRules(overrides as never);
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, field: error.problems[0]?.field, message: error.message };
        throw error;
      }
      throw new Error('expected an error');
    };
    expect(errorOf({ 'child-protection-visits': { amount: 5 } })).toMatchObject({
      code: 'invalid',
      field: 'child-protection-visits',
      message: expect.stringContaining('child-protection-visit,'),
    });
    expect(errorOf({ 'child-protection-visit': { amount: 0 } })).toMatchObject({ field: 'child-protection-visit.amount' });
    expect(errorOf({ 'child-protection-visit': { amount: 2.5 } })).toMatchObject({ field: 'child-protection-visit.amount' });
    expect(errorOf({ 'child-protection-visit': { interval: 5 } })).toMatchObject({ field: 'child-protection-visit' });
    expect(errorOf({ 'allocation-after-referral': { recurrenceAmount: 5 } })).toMatchObject({
      field: 'allocation-after-referral.recurrenceAmount',
    });
    expect(errorOf({ 'allocation-after-referral': { effectiveFrom: '2024-02-30' } })).toMatchObject({
      field: 'allocation-after-referral.effectiveFrom',
    });
  });
});
