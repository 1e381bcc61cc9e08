import { describe, expect, it } from 'vitest';
import { domainModules } from '../modules/registry.ts';
import { simulateInterchange } from '../simulate/simulate.ts';
import { EventBody } from './events.ts';
import { foldChildRecord, type LoggedEvent } from './fold.ts';
import { childRecordSchemaOf } from './read-model.ts';
import { childRecordSummary } from './service.ts';

describe('the record\'s read model', () => {
  it('describes exactly what the record API answers, part for part, for every simulated child', async () => {
    const ChildRecordOut = childRecordSchemaOf(domainModules);
    const logs = new Map<string, LoggedEvent[]>();
    let sequence = 0;
    for await (const line of simulateInterchange({ seed: 7, years: 1, from: '2023-04-01', children: 400, warmUpYears: 0.5 })) {
      const event = JSON.parse(line) as LoggedEvent & { childId?: string; record?: string };
      if (!event.childId || event.record) continue;
      // As recorded or imported: the event's data parsed, its defaults filled in.
      const { data } = EventBody.parse({ type: event.type, data: event.data });
      logs.set(event.childId, [...(logs.get(event.childId) ?? []), { ...event, data, sequence: (sequence += 1), recordedAt: event.recordedAt ?? '2024-06-01T12:00:00Z' } as LoggedEvent]);
    }
    const seen = new Set<string>();
    for (const [childId, log] of logs) {
      // As the API sends it: what the schema does not name would be dropped by parsing, and so show.
      const answer = JSON.parse(JSON.stringify(childRecordSummary(foldChildRecord('206', childId, log), [], '2024-03-31', () => ({ state: 'open' }))));
      expect(ChildRecordOut.parse(answer)).toEqual(answer);
      for (const [part, value] of Object.entries(answer)) if (value !== null && !(Array.isArray(value) && value.length === 0)) seen.add(part);
    }
    // Every part was seen filled in at least once.
    // Not the supervision discussions: the synthetic borough records no supervision sessions yet
    // (they are tested in test/integration/tasks-and-supervision.test.ts).
    const unsimulated = new Set(['duties', 'caseDiscussions']);
    expect([...seen].sort()).toEqual(Object.keys(ChildRecordOut.shape).filter((part) => !unsimulated.has(part)).sort());
  }, 120_000);
});
