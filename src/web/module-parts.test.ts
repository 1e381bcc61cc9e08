import { describe, expect, it } from 'vitest';
import { eventTypes } from '../record/events.ts';
import { domainModules } from '../modules/registry.ts';
import { eventForms, eventTypeLabels, journeyOrder, nextStepsFor, recordViews, tagStyleOf } from './module-parts.tsx';
import { webModules } from './module-registry.ts';

describe('the modules\' web parts, added up', () => {
  it('register a web part for every module, in the same order', () => {
    expect(webModules.map((module) => module.id)).toEqual(domainModules.map((module) => module.id));
  });

  it('name every event type in words, and have a form only for event types the API records', () => {
    expect(eventTypes.filter((type) => eventTypeLabels[type] === undefined)).toEqual([]);
    expect(Object.keys(eventForms).filter((type) => !(eventTypes as string[]).includes(type))).toEqual([]);
  });

  it('offer what the record allows in the order of a child\'s usual journey', () => {
    // The steps named here, in this order among any others the modules add.
    const expected = [
      'contact.received', 'mash-check.requested', 'mash-check.completed', 'contact.decided', 'referral.received', 'allocation.started',
      'assessment.started', 'assessment.completed', 'strategy-discussion.held', 'section-47.completed', 'conference.initial-held',
      'visit.made', 'core-group.held', 'conference.review-held', 'cp-plan.category-changed', 'cp-plan.ended', 'cin-plan.started', 'cin-plan.ended',
      'episode.closed', 'allocation.ended', 'household.joined', 'private-fostering.notified', 'private-fostering.notification-forwarded',
      'private-fostering.visit-made', 'private-fostering.arrangement-confirmed', 'private-fostering.notification-closed',
      'private-fostering.carer-check-completed', 'private-fostering.suitability-assessed', 'private-fostering.panel-decided',
      'private-fostering.arrangement-reviewed', 'private-fostering.arrangement-ended', 'professional.recorded', 'flag.raised', 'address.changed',
      'youth-justice.involvement-started', 'youth-justice.worker-allocated', 'youth-justice.offence-outcome-recorded', 'youth-justice.court-order-made',
      'youth-justice.court-order-ended', 'youth-justice.remanded', 'youth-justice.remand-ended', 'youth-justice.pace-transferred',
      'youth-justice.joint-meeting-held', 'youth-justice.involvement-ended',
      'care-leavers.eligibility-recorded', 'care-leavers.personal-adviser-allocated', 'care-leavers.pathway-plan-made', 'care-leavers.pathway-plan-reviewed',
      'care-leavers.birthday-contact-recorded', 'care-leavers.personal-adviser-contact-made', 'care-leavers.accommodation-changed',
      'care-leavers.staying-put-started', 'care-leavers.staying-put-ended', 'care-leavers.lifelong-links-referred', 'care-leavers.support-ended',
      'task.set', 'child.details-changed',
    ];
    // Each module's steps in its own order; modules whose steps interleave (youth justice and leaving care both span
    // a young person's later years) are compared one at a time.
    const ofModule = (prefix: string) => (type: string) => type.startsWith(prefix);
    const others = (type: string) => !type.startsWith('youth-justice.') && !type.startsWith('care-leavers.');
    for (const belongs of [ofModule('youth-justice.'), ofModule('care-leavers.'), others]) {
      const named = expected.filter(belongs);
      expect(journeyOrder.filter((type) => named.includes(type))).toEqual(named);
    }
    expect(nextStepsFor('referral')).toEqual(['allocation.started', 'assessment.started', 'strategy-discussion.held']);
    expect(nextStepsFor('not-registered')).toEqual([]);
  });

  it('give every next step a form, and every status a tag of its own', () => {
    for (const status of ['not-registered', 'known', 'contact', 'referral', 'assessment', 'child-in-need', 'section-47', 'child-protection-plan', 'private-fostering-notification', 'privately-fostered', 'youth-justice', 'care-leaver']) {
      expect(tagStyleOf(status).text).not.toBe(status);
      for (const step of nextStepsFor(status)) expect(eventForms[step], `${status}: ${step}`).toBeDefined();
    }
  });

  it('show the modules\' views of the record, furthest along the journey first, a shared view under its leader\'s title', () => {
    expect(recordViews.find((view) => view.path === 'leaving-care')).toMatchObject({ title: 'Leaving care', parts: [{ moduleId: 'care-leavers' }] });
    // The views named here, in this order among any others the modules add, each with these parts among any others.
    const expected: [string, string, string[]][] = [
      // Youth justice (registered after the casework's modules), then the work on any child's case:
      // the oversight of it (the joint supervision with the youth justice service among it), the
      // tasks it set, the child's network and the case notes.
      ['youth-justice', 'Youth justice', ['youth-justice']],
      ['oversight', 'Management oversight', ['youth-justice', 'management-oversight', 'supervision']],
      ['tasks', 'Tasks', ['tasks']],
      ['family-network', 'Family and network', ['family-network']],
      ['case-notes', 'Case notes', ['case-notes']],
      ['private-fostering', 'Private fostering', ['private-fostering']],
      ['episodes', 'Episodes and plans', ['children-in-need', 'front-door']],
      ['documents', 'Documents', ['documents']],
      ['household', 'Household and relationships', ['people']],
      ['merge', 'Merge a duplicate', ['people']],
    ];
    const paths = expected.map(([path]) => path);
    expect(recordViews.map((view) => view.path).filter((path) => paths.includes(path))).toEqual(paths);
    for (const [path, title, parts] of expected) {
      const view = recordViews.find((candidate) => candidate.path === path)!;
      expect([view.title, view.parts.map((part) => part.moduleId).filter((id) => parts.includes(id))], path).toEqual([title, parts]);
    }
  });
});
