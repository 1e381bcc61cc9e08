/**
 * A partner agency (the police, health, a school) is given the partner view of a record
 * (src/record/partner-view.ts), which leaves out most modules' parts. Every module's parts of the
 * record page must still render for it: a part that reads what the view left out throws while the
 * page renders, and React then takes the whole web app off the screen, leaving the police officer
 * an empty page.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PartnerChildRecord } from '../record/partner-view.ts';
import { recordFlags, recordViews, RecordViewContent, SummaryCards, type ChildRecord } from './module-parts.tsx';

const childId = 'C2060000172';
const episode = {
  episodeId: 'e-1', referralOn: '2026-05-05', source: '6', contactId: 'c-2',
  assessments: [{ assessmentId: 'a-1', startedOn: '2026-05-05', completedOn: '2026-06-16' }],
  cinPlans: [{ cinPlanId: 'p-1', startedOn: '2026-06-30' }],
  strategyDiscussions: [{ strategyDiscussionId: 's-1', heldOn: '2026-06-17', decision: 'section-47' }],
  section47s: [{ section47Id: 's-1', startedOn: '2026-06-17', completedOn: '2026-06-30', outcome: 'child-in-need-plan' }],
  initialConferences: [], cpPlans: [],
};

/** A child in need known to the police through their own contact, as the police are given the record. */
const partnerRecord = PartnerChildRecord.parse({
  view: 'partner', childId, laCode: '206', status: 'child-in-need',
  details: { forename: 'Imani', surname: 'Williams', dateOfBirth: '2022-08-24', sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'], address: { postcode: 'N7 9IK' } },
  allocation: { workerId: 'W0017', teamId: 'children-in-need-1', startedOn: '2026-06-30' },
  openEpisode: episode, activeChildProtectionPlan: null, episodes: [episode],
  contacts: [{ contactId: 'c-2', receivedOn: '2026-05-05', source: '6', localSource: 'police', primaryReason: 'child-criminal-exploitation', otherReasons: [], decision: 'referral-to-social-care', decidedOn: '2026-05-05', mashChecks: [] }],
  relationships: [{ relationshipId: 'r-1', relationship: 'mother', relatedPerson: { name: 'Zainab Williams', dateOfBirth: '1998-08-24' }, parentalResponsibility: true, livesWithChild: true, recordedOn: '2026-03-24' }],
  households: [{ householdId: 'H206000109', joinedOn: '2026-03-24' }],
  duties: [{ ruleId: 'cin-plan-review', subjectId: 'p-1', occurrence: 1, startedOn: '2026-06-30', dueOn: '2026-12-30', state: 'open', daysLeft: 22 }],
  asAt: '2026-12-08',
}) as unknown as ChildRecord;

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe('the record page\'s module parts, for a partner agency', () => {
  // The parts read where they are (the page's address) as they render; nothing else of the browser.
  beforeAll(() => { vi.stubGlobal('window', { location: new URL(`http://localhost/children/${childId}`) }); });
  afterAll(() => { vi.unstubAllGlobals(); });

  it('gives the record\'s flags and summary cards from what the partner view has', () => {
    expect(() => recordFlags(partnerRecord)).not.toThrow();
    const html = render(createElement(SummaryCards, { record: partnerRecord }));
    // No private fostering notification is shared with a partner: no card for it.
    expect(html).not.toContain('private-fostering-card');
  });

  it('shows every view of the record, saying what is not shared rather than failing', () => {
    const failed: string[] = [];
    const shown: Record<string, string> = {};
    for (const view of recordViews) {
      try {
        shown[view.path] = render(createElement(RecordViewContent, { view, record: partnerRecord }));
      } catch (error) {
        failed.push(`${view.path}: ${(error as Error).message}`);
      }
    }
    expect(failed).toEqual([]);
    expect(shown['private-fostering']).toContain('not part of the view of the record shared with your agency');
    expect(shown['tasks']).toContain('not part of the view of the record shared with your agency');
  });
});
