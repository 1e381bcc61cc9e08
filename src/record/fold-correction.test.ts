import { describe, expect, it } from 'vitest';
import { contact, contactDecided, corrected, registered, typicalJourney, type InterchangeLine } from '../../test/support/event-builders.ts';
import { loadConfig } from '../app/config.ts';
import { timescalesFrom } from '../timescales/timescales.ts';
import { foldChildRecord, FoldError, type LoggedEvent } from './fold.ts';
import { projectionRowTextsOf } from './projections.ts';
import { dutiesOf } from './repo.ts';

const timescales = timescalesFrom(loadConfig({}));

/** Interchange lines as the log holds them, numbered in the order given. */
const logOf = (lines: readonly InterchangeLine[]): LoggedEvent[] =>
  lines.map((line, index) => ({
    eventId: line.eventId, sequence: index + 1, type: line.type, occurredAt: line.occurredAt, recordedAt: '2024-06-01T12:00:00Z', data: line.data,
    ...(line.supersedes !== undefined ? { supersedes: line.supersedes } : {}),
  }) as LoggedEvent);

/** The record, duties and projection rows a log folds to, as text to compare. */
function outcomeOf(log: readonly LoggedEvent[]): string {
  const folded = foldChildRecord('206', 'C', log);
  const duties = dutiesOf(folded, timescales);
  const { effectiveEvents, state } = folded;
  return JSON.stringify({ state, effectiveEvents: effectiveEvents.map(({ eventId, sequence, occurredOn, data }) => ({ eventId, sequence, occurredOn, data })), duties, rows: projectionRowTextsOf(folded, duties) });
}

/**
 * A correction of each event of a journey, recorded after the whole journey, against the same
 * journey recorded right the first time (the corrected content at the corrected event's place).
 * The correction is its own event, with its own id: the outcomes are compared with its id read as
 * the first version's.
 */
function bothWays(journey: readonly InterchangeLine[], index: number, changes: Parameters<typeof corrected>[1]) {
  const original = journey[index]!;
  const correction = corrected(original, changes);
  const withCorrection = logOf([...journey, correction]);
  const rightFirstTime = logOf(journey.map((line, i) => (i === index ? { ...correction, eventId: original.eventId, supersedes: undefined } : line)));
  // The correction's own sequence is after the journey's; the rest are the same in both logs.
  return {
    withCorrection: outcomeOf(withCorrection).replaceAll(correction.eventId, original.eventId),
    rightFirstTime: outcomeOf(rightFirstTime),
  };
}

describe('a correction folded in place of what it corrects', () => {
  it('folds a contact corrected after its decision on the same day', () => {
    const received = contact('C', '2024-03-04T09:00:00Z');
    const lines = [
      registered('C', { at: '2024-01-02' }),
      received,
      contactDecided('C', '2024-03-04T15:00:00Z', { contactId: received.eventId }),
      corrected(received, { data: { primaryReason: 'domestic-abuse' } }),
    ];
    const { state } = foldChildRecord('206', 'C', logOf(lines));
    expect(state.contacts).toHaveLength(1);
    expect(state.contacts[0]).toMatchObject({ primaryReason: 'domestic-abuse' });
    expect(state.contacts[0]!.decision).toBeDefined();
  });

  it('gives the same record, duties and projections as a log recorded right the first time, for a correction of any event of a journey', () => {
    const journey = typicalJourney('C', '2024-03-04');
    // Every event corrected as it was (the same content), and the contact and visit corrected to other content on the same day.
    for (let index = 0; index < journey.length; index += 1) {
      const { withCorrection, rightFirstTime } = bothWays(journey, index, {});
      expect(withCorrection, `${journey[index]!.type} corrected as it was`).toBe(rightFirstTime);
    }
    const contactAt = journey.findIndex((line) => line.type === 'contact.received');
    const earlierThatDay = bothWays(journey, contactAt, { occurredAt: journey[contactAt]!.occurredAt.replace('T10:00', 'T08:30'), data: { primaryReason: 'domestic-abuse' } });
    expect(earlierThatDay.withCorrection).toBe(earlierThatDay.rightFirstTime);
    const visitAt = journey.findIndex((line) => line.type === 'visit.made');
    const notAlone = bothWays(journey, visitAt, { data: { seenAlone: false } });
    expect(notAlone.withCorrection).toBe(notAlone.rightFirstTime);
    // A correction that moves an event to another day is folded on that day, as if recorded so.
    const decisionAt = journey.findIndex((line) => line.type === 'contact.decided');
    const decidedLater = bothWays(journey, decisionAt, { occurredAt: journey[decisionAt]!.occurredAt.replace('T10:00', 'T16:00') });
    expect(decidedLater.withCorrection).toBe(decidedLater.rightFirstTime);
  });

  it('folds the latest of several corrections in the place of the first version', () => {
    const child = registered('C', { at: '2024-01-02' });
    const received = contact('C', '2024-03-04T09:00:00Z');
    const decision = contactDecided('C', '2024-03-04T15:00:00Z', { contactId: received.eventId });
    const first = corrected(received, { data: { primaryReason: 'neglect' } });
    const second = corrected(first, { occurredAt: '2024-03-04T08:00:00Z', data: { primaryReason: 'domestic-abuse' } });
    const withCorrections = outcomeOf(logOf([child, received, decision, first, second])).replaceAll(second.eventId, received.eventId);
    const rightFirstTime = outcomeOf(logOf([child, { ...second, eventId: received.eventId, supersedes: undefined }, decision]));
    expect(withCorrections).toBe(rightFirstTime);
  });

  it('is refused, naming the event it breaks, when the corrected content makes a later event impossible', () => {
    const received = contact('C', '2024-03-04T09:00:00Z');
    const decision = contactDecided('C', '2024-03-04T15:00:00Z', { contactId: received.eventId });
    const lines = [registered('C', { at: '2024-01-02' }), received, decision, corrected(received, { occurredAt: '2024-03-05T09:00:00Z' })];
    let thrown: unknown;
    try {
      foldChildRecord('206', 'C', logOf(lines));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FoldError);
    expect((thrown as FoldError).eventId).toBe(decision.eventId);
  });
});
