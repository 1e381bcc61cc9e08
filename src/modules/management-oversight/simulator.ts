/**
 * Management oversight in the synthetic borough: each children-and-families assessment is
 * submitted by the allocated worker within a few working days of its completion and authorised by
 * the head of service (a service manager) a few working days later; about one in ten is first
 * returned with comments and submitted again. Assessments completed in the run's last days are still waiting, so a seeded
 * borough's worktray has a realistic handful in it.
 *
 * Its journeys draw from a random stream of their own and run after every other module's, reading
 * the assessments those journeys completed: the other children's records are left as they were.
 */
import type { Day } from '../../simulate/dates.ts';
import { WorkerToBeNamed, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import type { ChildIdentity } from '../domain-module.ts';
import type { ManagementOversightView } from './rules.ts';

/** The borough's head of service, who authorises what the case-holding teams submit. */
const MANAGEMENT = 'other';
const manager = WorkerToBeNamed.ofTeam(MANAGEMENT);

export const managementOversightVolumes = {
  /** Share of assessments returned to the worker once before they are authorised. */
  returned: 0.1,
  /** Working days from completion to submission, and from submission to a manager's decision, at most. */
  daysToSubmit: 3,
  daysToDecide: 5,
} as const;

const returnComments = [
  'Please add the child\'s own words about home and school to the analysis.',
  'The analysis needs to say what the risks are if nothing changes; please add it.',
  'Please record the father\'s views, or why they could not be obtained.',
  'The plan of next steps needs named actions and timescales.',
];

function assessmentsAuthorised(journey: Journey, child: SimulatedChild): void {
  const { random, calendar, window } = journey;
  const completions = child.events.filter((event) => event.type === 'assessment.completed' && event.day < window.end);
  for (const completion of completions) {
    const subjectId = completion.data.assessmentId as string;
    const subject = { subject: 'assessment', subjectId };
    let submittedOn: Day = calendar.addWorkingDays(completion.day, random.integer(0, managementOversightVolumes.daysToSubmit));
    if (submittedOn >= window.end) continue;
    journey.addEvent(child, 'approval.submitted', submittedOn, { ...subject, submittedByUserId: WorkerToBeNamed.allocated });
    if (random.chance(managementOversightVolumes.returned)) {
      const returnedOn = calendar.addWorkingDays(submittedOn, random.integer(1, managementOversightVolumes.daysToDecide));
      if (returnedOn >= window.end) continue;
      journey.addEvent(child, 'approval.returned', returnedOn, { ...subject, comments: random.pick(returnComments), returnedByUserId: manager });
      submittedOn = calendar.addWorkingDays(returnedOn, random.integer(1, 4));
      if (submittedOn >= window.end) continue;
      journey.addEvent(child, 'approval.submitted', submittedOn, { ...subject, submittedByUserId: WorkerToBeNamed.allocated, comments: 'Updated as asked.' });
    }
    const authorisedOn = calendar.addWorkingDays(submittedOn, random.integer(1, managementOversightVolumes.daysToDecide));
    if (authorisedOn >= window.end) continue;
    journey.addEvent(child, 'approval.authorised', authorisedOn, { ...subject, authorisedByUserId: manager });
  }
}

export const managementOversightSimulator: SimulatorBehaviour<ManagementOversightView & ChildIdentity> = {
  ownRandomStream: true,
  beginsJourneys: () => (journey, family) => {
    for (const child of family.children) assessmentsAuthorised(journey, child);
  },
  // After the assessment's completion on the same day; a decision after the submission it decides on.
  sameDayRanks: { 'approval.submitted': 13, 'approval.returned': 13, 'approval.authorised': 13, 'management-oversight.recorded': 18 },
  // One manager authorises for the borough: the workforce names the manager in an event's data and
  // the one who recorded it separately, and with one they are the same person.
  teams: [{ service: MANAGEMENT, name: 'Head of service', teams: 1, members: 1, role: 'service-manager', holdsCases: false, records: ['approval.authorised', 'approval.returned'] }],
  volumes: managementOversightVolumes,
};
