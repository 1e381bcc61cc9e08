/**
 * Case notes in the synthetic borough: a note for a share of the visits and strategy discussions
 * the other modules' journeys made, linked to them, written from short phrase lists (synthetic
 * text only, never drawn from real records). Its journeys draw from a random stream of their own
 * and run after every other module's, so adding notes changes no other event of a seeded borough.
 */
import { isoOf } from '../../simulate/dates.ts';
import type { Journey, SimulatedChild, SimulatedEvent, SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import type { NoteType } from './codes.ts';

/** The share of each kind of event that gets a note (a sample: most records have notes for more). */
const noteShares: Readonly<Record<string, number>> = {
  'visit.made': 0.35,
  'private-fostering.visit-made': 0.35,
  'strategy-discussion.held': 0.5,
};

const phrases = {
  arrival: [
    'Arrived at the family home as planned.', 'Visit was unannounced; mother let me in after a short wait.', 'Met the family at the family home after school.',
    'The visit took place in the afternoon; both carers were at home.', 'Visited with a student social worker.',
  ],
  home: [
    'The home was warm, clean and tidy, with food in the fridge.', 'The kitchen was cluttered and there were dirty dishes on every surface.',
    'There was a strong smell of cigarette smoke in the living room.', 'The child\'s bedroom had a bed, clean bedding and toys.',
    'The home conditions had improved since the last visit.', 'There was little food in the house and the heating was off.',
  ],
  child: [
    'The child was seen alone in their bedroom and showed me their drawings.', 'The child appeared well cared for and was appropriately dressed.',
    'The child was quiet at first but relaxed as the visit went on.', 'The child had a small bruise on the forearm, explained as a fall at school.',
    'The child was playing happily with a younger sibling.',
  ],
  notSeen: [
    'The child was not seen as they were at their grandmother\'s.', 'The child was at school; a further visit to see them is booked.',
  ],
  parent: [
    'Mother said she is finding things difficult since the separation.', 'Father engaged well and agreed to attend the parenting course.',
    'Mother was tearful and spoke about money worries and rent arrears.', 'The parents acknowledged the concerns raised by school.',
    'Mother disputed the referral and was reluctant to talk about her new partner.', 'Father said he has stopped drinking and is attending support sessions.',
  ],
  plan: [
    'Agreed to visit again within ten working days.', 'I will contact the school to check attendance.', 'A referral to the family support service will be made.',
    'Discussed the safety plan and who the child can go to.', 'Will speak to the health visitor about the missed appointments.',
  ],
  voice: [
    'I like it when mum takes me to the park.', 'I don\'t like it when they shout at night.', 'I feel safe at home most of the time.',
    'I want to see my dad more.', 'School is okay, I have a best friend called Sam.', 'Sometimes I am scared when he comes round.',
    'I want things to stay the same.', 'I miss my nan\'s house.',
  ],
  concerns: [
    'Police shared that there have been two domestic abuse call-outs in the last three months.', 'Health reported missed immunisations and a missed dental appointment.',
    'School reported the child arrived with an unexplained injury and appeared withdrawn.', 'Neighbours reported the children being left alone late at night.',
  ],
  toSection47: [
    'Agencies agreed the threshold for a section 47 enquiry is met.', 'A section 47 enquiry will start today; police will carry out a joint visit with children\'s social care.',
  ],
  noSection47: [
    'Agencies agreed the concerns can be managed through a child in need plan.', 'Agencies agreed the threshold for a section 47 enquiry is not met; the assessment continues.',
  ],
} as const;

const present = {
  home: [['Mother', 'Child'], ['Mother', 'Father', 'Child'], ['Child', 'Grandmother'], ['Mother', 'Mother\'s partner', 'Child']],
  strategy: [['Social worker', 'Police officer', 'Health visitor'], ['Social worker', 'Police officer', 'School designated safeguarding lead'], ['Team manager', 'Police officer', 'School nurse']],
} as const;

/** A paragraph of synthetic narrative: one phrase from each list. */
const narrativeOf = (journey: Journey, lists: readonly (readonly string[])[]) => lists.map((list) => journey.random.pick(list)).join(' ');

function noteFor(journey: Journey, child: SimulatedChild, event: SimulatedEvent): void {
  const { random } = journey;
  const isMeeting = event.type === 'strategy-discussion.held';
  const childSeen = (event.data as { childSeen?: boolean }).childSeen !== false;
  const noteType: NoteType = isMeeting ? 'multi-agency-meeting' : random.chance(0.85) ? 'home-visit' : 'office-visit';
  const narrative = isMeeting
    ? narrativeOf(journey, [phrases.concerns, (event.data as { decision?: string }).decision === 'no-section-47' ? phrases.noSection47 : phrases.toSection47, phrases.plan])
    : narrativeOf(journey, [phrases.arrival, phrases.home, childSeen ? phrases.child : phrases.notSeen, phrases.parent, phrases.plan]);
  // The time of the visit or meeting: office hours, on the day of the event it belongs to.
  const minute = random.integer(9 * 60, 17 * 60);
  const occurredAt = `${isoOf(event.day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
  journey.addEvent(child, 'case-note.recorded', event.day, {
    noteType,
    present: [...random.pick<readonly string[]>(isMeeting ? present.strategy : present.home)],
    narrative,
    ...(!isMeeting && childSeen && random.chance(0.7) ? { voiceOfTheChild: random.pick(phrases.voice) } : {}),
    linkedEventId: event.eventId,
  }, occurredAt);
}

export const caseNoteSimulator: SimulatorBehaviour<object> = {
  ownRandomStream: true,
  beginsJourneys: () => (journey, family) => {
    for (const child of family.children) {
      // The events of the other modules' journeys: a note is added for a share of them, after them on the day.
      for (const event of [...child.events]) {
        const share = noteShares[event.type];
        if (share === undefined || event.day >= journey.window.end) continue;
        if (journey.random.chance(share)) noteFor(journey, child, event);
      }
    }
  },
  // Written up after the visit or meeting it belongs to, the last of the day's casework.
  sameDayRanks: { 'case-note.recorded': 19 },
};
