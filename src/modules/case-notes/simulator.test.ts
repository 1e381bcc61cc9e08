import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../simulate/borough.ts';
import { Random } from '../../simulate/random.ts';
import { simulateBorough } from '../../simulate/simulate.ts';
import { childLogsOf } from '../../simulate/test-support.ts';

/** A small borough over one year, as the simulator writes its interchange file. */
function simulatedLines(seed: number): string[] {
  const simulation = simulateBorough(boroughOfSize(islingtonShapedBorough, 4000), { seed, years: 1, from: '2024-04-01', warmUpYears: 0 }, new Random(seed));
  return [...simulation.lines()];
}

describe('case notes in a synthetic borough', () => {
  let lines: string[];
  let logs: Map<string, LoggedEvent[]>;
  beforeAll(() => {
    lines = simulatedLines(7);
    logs = new Map(childLogsOf(lines).map(({ childId, events }) => [childId, events]));
  }, 300_000);

  it('writes notes for a share of the visits and strategy discussions, each linked to one on the same child', () => {
    const events = [...logs.values()].flat();
    const notes = events.filter((e) => e.type === 'case-note.recorded');
    const noted = events.filter((e) => e.type === 'visit.made' || e.type === 'strategy-discussion.held');
    expect(notes.length).toBeGreaterThan(0.2 * noted.length);
    expect(notes.length).toBeLessThan(0.6 * noted.length);
    for (const [childId, log] of logs) {
      for (const note of log.filter((e) => e.type === 'case-note.recorded')) {
        const data = note.data as { linkedEventId: string; narrative: string; noteType: string };
        const linked = log.find((e) => e.eventId === data.linkedEventId);
        expect(linked?.type, childId).toMatch(/^(visit\.made|strategy-discussion\.held|private-fostering\.visit-made)$/);
        expect(note.occurredAt.slice(0, 10)).toBe(linked!.occurredAt.slice(0, 10));
        expect(data.noteType).toEqual(linked!.type === 'strategy-discussion.held' ? 'multi-agency-meeting' : expect.stringMatching(/^(home|office)-visit$/));
      }
    }
    expect(notes.some((n) => (n.data as { voiceOfTheChild?: string }).voiceOfTheChild !== undefined)).toBe(true);
  });

  it('writes records the record\'s own rules accept', () => {
    for (const [childId, log] of logs) {
      if (!log.some((e) => e.type === 'case-note.recorded')) continue;
      expect(foldChildRecord(islingtonShapedBorough.laCode, childId, log).state.caseNotes.length, childId).toBeGreaterThan(0);
    }
  });

  it('writes the same notes from the same seed', () => {
    const notesOf = (all: string[]) => all.filter((text) => text.includes('"case-note.recorded"'));
    expect(notesOf(simulatedLines(7))).toEqual(notesOf(lines));
  }, 300_000);
});
