/**
 * Tasks in a synthetic borough: about half the strategy discussions and four in ten core group
 * meetings set a task (a check with the school, a health appointment, a visit to a parent), due in
 * one to three weeks. Most are completed on time, some late, and a few are still open when the run
 * ends, so My work shows some overdue.
 *
 * Its journeys draw from a random stream of their own (`ownRandomStream`) and run after every
 * other module's, reading the meetings those journeys recorded: adding tasks changes no other event
 * of the borough.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import type { TasksState } from './state.ts';
import { TeamOfNamedWorker, WorkerToBeNamed, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';

/** The share of each kind of meeting that sets a task. */
const taskRates = { 'strategy-discussion.held': 0.5, 'core-group.held': 0.4 } as const;
const sourceKinds = { 'strategy-discussion.held': 'strategy-discussion', 'core-group.held': 'core-group' } as const;

const descriptions = {
  'strategy-discussion.held': [
    'Ask the school for the child\'s attendance and any concerns',
    'Request the health visitor\'s records',
    'Ask the police for any call-outs to the address',
    'See the child alone at school',
    'Speak to the non-abusing parent about a safety plan',
  ],
  'core-group.held': [
    'Refer the family to the parenting programme',
    'Book the child\'s health assessment',
    'Visit the father at home',
    'Update the chronology for the review conference',
    'Ask the school nurse to see the child',
    'Arrange direct work with the child on their worries',
  ],
} as const;

/** The worker given a meeting's task: a worker of the child protection service, with their team. */
const assignee = { workerId: WorkerToBeNamed.ofTeam('child-protection'), teamId: new TeamOfNamedWorker('workerId') };

function tasksOfChild(journey: Journey, child: SimulatedChild): void {
  const { random, window } = journey;
  const meetings = child.events.filter((event): event is typeof event & { type: keyof typeof taskRates } => event.type in taskRates && event.day < window.end);
  for (const meeting of meetings) {
    if (!random.chance(taskRates[meeting.type])) continue;
    const setOn: Day = meeting.day;
    const dueOn: Day = setOn + random.integer(7, 21);
    const set = journey.addEvent(child, 'task.set', setOn, {
      description: random.pick(descriptions[meeting.type]), sourceKind: sourceKinds[meeting.type], sourceEventId: meeting.eventId, dueOn: isoOf(dueOn), ...assignee,
    });
    // Eight in ten done by the date, most of the rest late; a few still open.
    const outcome = random.weighted({ onTime: 0.8, late: 0.14, open: 0.06 });
    if (outcome === 'open') continue;
    const doneOn: Day = outcome === 'onTime' ? random.integer(setOn + 1, dueOn) : dueOn + random.integer(1, 14);
    if (doneOn >= window.end) continue;
    journey.addEvent(child, 'task.completed', doneOn, { taskId: set.eventId, outcome: 'Done: recorded in the case notes' });
  }
}

export const taskSimulator: SimulatorBehaviour<TasksState> = {
  ownRandomStream: true,
  beginsJourneys: () => (journey, family) => {
    for (const child of family.children) tasksOfChild(journey, child);
  },
  // After the meeting that set them (casework runs 9 to 19).
  sameDayRanks: { 'task.set': 19, 'task.reassigned': 19, 'task.completed': 19, 'task.cancelled': 19 },
};
