/**
 * The front door's timescale: a decision on each contact. Sources are the statutory timescales table
 * (../shared/spec/statutory-data.md §5, cited as "table row N").
 */
import { WORKING_TOGETHER_2013, type TimescaleRule } from '../../timescales/timescale-rule.ts';

export const frontDoorTimescaleRules = [
  {
    id: 'contact-decision-within-1-working-day',
    title: 'Decide what response a contact needs within 1 working day',
    clockStart: { eventType: 'contact.received' },
    due: { amount: 1, unit: 'working-days' },
    metBy: [{ eventType: 'contact.decided', link: 'contactId' }],
    // A contact is not part of a children-in-need episode: closing an episode leaves it to decide.
    cancelledBy: [],
    source:
      'Table row 1: Working Together 2023 ch.3 (decision on the type of response within 1 working day of a referral, in WT23\'s sense of a request to children\'s social care); CIN rule 8569Q uses "1 working day"',
    local: false,
    effectiveFrom: WORKING_TOGETHER_2013,
  },
] as const satisfies readonly TimescaleRule[];
