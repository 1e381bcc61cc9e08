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
    // Looked after's steps follow private fostering's, in the order of a period of care.
    const lookedAfter = journeyOrder.filter((type) => type.startsWith('looked-after.'));
    expect(lookedAfter[0]).toBe('looked-after.started');
    expect(lookedAfter.at(-1)).toBe('looked-after.ceased');
    expect(journeyOrder.indexOf('looked-after.started')).toBe(journeyOrder.indexOf('private-fostering.arrangement-ended') + 1);
    // Adoption's steps follow a period of care's, from previous permanence to the orders that end care.
    const adoption = journeyOrder.filter((type) => type.startsWith('adoption.'));
    expect(adoption.slice(0, 6)).toEqual([
      'adoption.previous-permanence-recorded', 'adoption.decision-to-place', 'adoption.placement-order-applied', 'adoption.placement-order-granted', 'adoption.matched', 'adoption.placed',
    ]);
    expect(journeyOrder.indexOf('adoption.previous-permanence-recorded')).toBeGreaterThan(journeyOrder.indexOf('looked-after.ceased'));
    expect(journeyOrder.filter((type) => !type.startsWith('looked-after.') && !type.startsWith('adoption.'))).toEqual([
      'contact.received', 'mash-check.requested', 'mash-check.completed', 'contact.decided', 'referral.received', 'allocation.started',
      'assessment.started', 'assessment.completed', 'strategy-discussion.held', 'section-47.completed', 'conference.initial-held',
      'visit.made', 'core-group.held', 'conference.review-held', 'cp-plan.category-changed', 'cp-plan.ended', 'cin-plan.started', 'cin-plan.ended',
      'episode.closed', 'allocation.ended', 'household.joined', 'private-fostering.notified', 'private-fostering.notification-forwarded',
      'private-fostering.visit-made', 'private-fostering.arrangement-confirmed', 'private-fostering.notification-closed',
      'private-fostering.carer-check-completed', 'private-fostering.suitability-assessed', 'private-fostering.panel-decided',
      'private-fostering.arrangement-reviewed', 'private-fostering.arrangement-ended', 'professional.recorded', 'flag.raised', 'address.changed', 'task.set', 'child.details-changed',
    ]);
    expect(nextStepsFor('referral')).toEqual(['allocation.started', 'assessment.started', 'strategy-discussion.held']);
    expect(nextStepsFor('not-registered')).toEqual([]);
  });

  it('give every next step a form, and every status a tag of its own', () => {
    for (const status of ['not-registered', 'known', 'contact', 'referral', 'assessment', 'child-in-need', 'section-47', 'child-protection-plan', 'private-fostering-notification', 'privately-fostered', 'looked-after']) {
      expect(tagStyleOf(status).text).not.toBe(status);
      for (const step of nextStepsFor(status)) expect(eventForms[step], `${status}: ${step}`).toBeDefined();
    }
  });

  it('show the modules\' views of the record, furthest along the journey first, a shared view under its leader\'s title', () => {
    const views = recordViews.map((view) => [view.path, view.title, view.parts.map((part) => part.moduleId)]);
    // Adoption and looked after, registered last and furthest along the journey, first.
    expect(views[0]).toEqual(['adoption', 'Adoption and permanence', ['adoption']]);
    expect(views[1]).toEqual(['care-and-placements', 'Care and placements', ['looked-after']]);
    expect(views.slice(2)).toEqual([
      // The work on any child's case (registered last): the oversight of it, the tasks it set, the
      // child's network and the case notes.
      ['oversight', 'Management oversight', ['management-oversight', 'supervision']],
      ['tasks', 'Tasks', ['tasks']],
      ['family-network', 'Family and network', ['family-network']],
      ['case-notes', 'Case notes', ['case-notes']],
      ['private-fostering', 'Private fostering', ['private-fostering']],
      ['episodes', 'Episodes and plans', ['children-in-need', 'front-door']],
      ['documents', 'Documents', ['documents']],
      ['household', 'Household and relationships', ['people']],
      ['merge', 'Merge a duplicate', ['people']],
    ]);
  });
});
