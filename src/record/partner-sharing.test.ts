import { describe, expect, it } from 'vitest';
import { simulateInterchange } from '../simulate/simulate.ts';
import { foldChildRecord, type LoggedEvent } from './fold.ts';
import { agencyOfReferralSource } from '../codes/statutory-codes.ts';
import { partnerSharingOf } from './partner-sharing.ts';
import type { StoredEvent } from './stored-event.ts';
import { childRecordAnswer, chronologyAnswer } from './service.ts';

let sequence = 0;
const logged = (type: string, occurredAt: string, data: Record<string, unknown> = {}): LoggedEvent =>
  ({ type, occurredAt, data, eventId: `00000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`, sequence, recordedAt: '2024-06-01T12:00:00Z' }) as LoggedEvent;
const registered = () => logged('child.registered', '2024-01-02', { forename: 'Ali', surname: 'Khan', dateOfBirth: '2015-03-04', sex: 'M', ethnicity: 'APKN', disabilities: [], unaccompaniedAsylumSeeking: false });
const contact = (on: string, source: string) => logged('contact.received', `${on}T09:00:00Z`, { source, primaryReason: 'neglect', otherReasons: [] });
const decided = (on: string, contactId: string) => logged('contact.decided', `${on}T15:00:00Z`, { contactId, decision: 'referral-to-social-care', decidedByWorkerId: 'm' });
const referral = (on: string, source: string, contactId?: string) => logged('referral.received', on, { source, ...(contactId ? { contactId } : {}) });
const strategy = (on: string, attendingAgencies: string[], decision = 'section-47') => logged('strategy-discussion.held', on, { attendingAgencies, decision });
const section47 = (on: string) => logged('section-47.completed', on, { outcome: 'initial-child-protection-conference', concernsSubstantiated: true });
const icpc = (on: string, attendingAgencies: string[], planRequired = true) =>
  logged('conference.initial-held', on, { planRequired, ...(planRequired ? { categoryOfAbuse: 'NEG' } : {}), chairWorkerId: 'c', attendingAgencies });
const coreGroup = (on: string, attendingAgencies: string[]) => logged('core-group.held', on, { attendingAgencies });
const review = (on: string, attendingAgencies: string[], planContinues: boolean) => logged('conference.review-held', on, { planContinues, chairWorkerId: 'c', attendingAgencies });
const closed = (on: string) => logged('episode.closed', on, { reasonForClosure: 'RC7', primaryNeed: 'N1' });

const sharingOf = (events: LoggedEvent[]) => {
  const folded = foldChildRecord('206', 'C1', events);
  return partnerSharingOf(folded.state, folded.effectiveEvents)
    .map(({ agency, reason, startedOn, endedOn }) => ({ agency, reason, startedOn, endedOn }))
    .sort((a, b) => `${a.reason}${a.agency}`.localeCompare(`${b.reason}${b.agency}`));
};

describe('why a child is shared with a partner agency, and until when', () => {
  it('maps DfE referral sources to the partner agencies', () => {
    expect(['6', '3A', '3F', '2A', '2B', '1A', '4', '7', '8', '10'].map(agencyOfReferralSource))
      .toEqual(['police', 'health', 'health', 'education', 'education', undefined, undefined, undefined, undefined, undefined]);
  });

  it('shares a MASH check while the contact is undecided, and the agency\'s own contact while the episode it led to is open', () => {
    const received = contact('2024-02-01', '6');
    const undecided = sharingOf([registered(), received, logged('mash-check.requested', '2024-02-01T10:00:00Z', { agency: 'health' })]);
    expect(undecided).toEqual([
      { agency: 'health', reason: 'mash-check', startedOn: '2024-02-01', endedOn: undefined },
      { agency: 'police', reason: 'own-contact', startedOn: '2024-02-01', endedOn: undefined },
    ]);
    const referred = sharingOf([
      registered(), received, logged('mash-check.requested', '2024-02-01T10:00:00Z', { agency: 'health' }), decided('2024-02-02', received.eventId),
      referral('2024-02-02', '6', received.eventId), closed('2024-04-30'),
    ]);
    expect(referred).toEqual([
      { agency: 'health', reason: 'mash-check', startedOn: '2024-02-01', endedOn: '2024-02-02' },
      { agency: 'police', reason: 'own-contact', startedOn: '2024-02-01', endedOn: '2024-04-30' },
    ]);
  });

  it('shares a strategy discussion while its enquiry is open, and a plan while it is open, with the agencies that attended; never with children\'s social care', () => {
    const sharing = sharingOf([
      registered(), referral('2024-01-10', '2A'), strategy('2024-01-11', ['childrens-social-care', 'police']), section47('2024-01-20'),
      icpc('2024-01-25', ['health']), coreGroup('2024-02-05', ['education', 'health']), review('2024-04-20', ['police'], false),
    ]);
    expect(sharing).toEqual([
      { agency: 'education', reason: 'child-protection-plan', startedOn: '2024-02-05', endedOn: '2024-04-20' },
      { agency: 'health', reason: 'child-protection-plan', startedOn: '2024-01-25', endedOn: '2024-04-20' },
      { agency: 'police', reason: 'child-protection-plan', startedOn: '2024-04-20', endedOn: '2024-04-20' },
      { agency: 'education', reason: 'own-referral', startedOn: '2024-01-10', endedOn: undefined },
      { agency: 'police', reason: 'strategy-discussion', startedOn: '2024-01-11', endedOn: '2024-01-20' },
    ]);
  });

  it('ends the sharing of a conference that made no plan on its day, and of a discussion without an enquiry with the episode', () => {
    const sharing = sharingOf([
      registered(), referral('2024-01-10', '1A'), strategy('2024-01-11', ['health'], 'no-section-47'), strategy('2024-02-01', ['police']),
      icpc('2024-02-15', ['education'], false), closed('2024-03-01'),
    ]);
    expect(sharing).toEqual([
      { agency: 'education', reason: 'child-protection-conference', startedOn: '2024-02-15', endedOn: '2024-02-15' },
      { agency: 'health', reason: 'strategy-discussion', startedOn: '2024-01-11', endedOn: '2024-03-01' },
      { agency: 'police', reason: 'strategy-discussion', startedOn: '2024-02-01', endedOn: '2024-02-15' },
    ]);
  });
});

describe('the partner view of every record of a simulated borough', () => {
  it('gives each record and chronology without another agency\'s check, assessment detail or staff', async () => {
    const logs = new Map<string, LoggedEvent[]>();
    let sequenceInFile = 0;
    for await (const line of simulateInterchange({ seed: 7, years: 1, from: '2023-04-01', children: 600, warmUpYears: 0.5 })) {
      const event = JSON.parse(line) as LoggedEvent & { childId?: string; record?: string };
      if (!event.childId || event.record) continue;
      const stored = { ...event, sequence: (sequenceInFile += 1), recordedAt: event.recordedAt ?? '2024-06-01T12:00:00Z', recordedBy: { userId: 'u-1', role: 'social-worker', agency: 'childrens-social-care' } };
      logs.set(event.childId, [...(logs.get(event.childId) ?? []), stored]);
    }
    const kinds = new Set<string>();
    for (const [childId, log] of logs) {
      const folded = foldChildRecord('206', childId, log);
      const read = { folded, duties: [], events: log as unknown as StoredEvent[], view: { kind: 'partner', agency: 'police' } as const };
      const record = childRecordAnswer(read, '2024-04-01', () => ({ state: 'open' }) as never);
      const chronology = chronologyAnswer(childId, read);
      const text = JSON.stringify(record) + JSON.stringify(chronology);
      for (const leftOut of ['factors', 'decidedByWorkerId', 'authorisedByWorkerId', 'chairWorkerId', 'recordedBy', 'allocations', 'visits', 'rationale', 'referrerName']) {
        expect(text.includes(`"${leftOut}"`), `${childId}: ${leftOut}`).toBe(false);
      }
      const otherChecks = chronology.entries.filter((entry) => entry.type.startsWith('mash-check.') && (entry.data as { agency: string }).agency !== 'police');
      expect(otherChecks).toEqual([]);
      for (const contact of (record as { contacts: { mashChecks: { agency: string }[] }[] }).contacts) expect(contact.mashChecks.every((m) => m.agency === 'police')).toBe(true);
      for (const entry of chronology.entries) kinds.add(entry.type);
    }
    // The borough has every kind of event a partner may see: each was given in the partner view.
    expect(kinds.size).toBeGreaterThan(15);
  }, 120_000);
});
