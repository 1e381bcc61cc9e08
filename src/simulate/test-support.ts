/**
 * Helpers for the modules' simulator tests: a borough simulated as the interchange file writes it,
 * with each child's events gathered into the log the record keeps, ready to fold.
 */
import { ChildEvent } from '../record/events.ts';
import type { LoggedEvent } from '../record/fold.ts';
import type { BoroughProfile } from './borough.ts';
import { Random } from './random.ts';
import { simulateBorough, type BoroughSimulation, type SimulationOptions } from './simulate.ts';

export interface ChildLog {
  childId: string;
  events: LoggedEvent[];
}

/** Each child's events among interchange lines, numbered in the order written; reference records are skipped. */
export function childLogsOf(lines: Iterable<string>): ChildLog[] {
  const logs = new Map<string, LoggedEvent[]>();
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.record !== undefined) continue;
    const event = ChildEvent.parse(value);
    const log = logs.get(event.childId) ?? [];
    log.push({ ...event, sequence: log.length + 1 } as LoggedEvent);
    logs.set(event.childId, log);
  }
  return [...logs].map(([childId, events]) => ({ childId, events }));
}

/** A borough simulated with the options' seed, and every child's events as the record logs them. */
export function simulatedChildLogs(borough: BoroughProfile, options: SimulationOptions): { simulation: BoroughSimulation; logs: ChildLog[] } {
  const simulation = simulateBorough(borough, options, new Random(options.seed));
  return { simulation, logs: childLogsOf(simulation.lines()) };
}

/** The logs of the children with at least one event whose type starts with the prefix (e.g. 'looked-after.'). */
export function withEventsOf(logs: readonly ChildLog[], prefix: string): ChildLog[] {
  return logs.filter(({ events }) => events.some((e) => e.type.startsWith(prefix)));
}
