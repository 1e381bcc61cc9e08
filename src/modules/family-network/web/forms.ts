/**
 * The family network's event forms as data (web/recording/event-forms.ts): a professional, a flag,
 * a child's own move. Adding an adult, a household's move and removing a flag have pages of their
 * own (pages.tsx): each records more than the one event, or names the entry it acts on.
 */
import { date, optionsOf, type EventForm, type FieldSpec } from '../../../web/recording/event-forms.ts';
import { flagKinds, professionalRoles } from '../events.ts';

/** The questions of an address, one box each, put together as the event's `address`. */
export const addressFields = (prefix: string): FieldSpec[] => [
  { kind: 'text', name: 'line1', path: `${prefix}.line1`, label: 'Address line 1', missing: 'Enter the first line of the address' },
  { kind: 'text', name: 'line2', path: `${prefix}.line2`, label: 'Address line 2 (optional)', optional: true },
  { kind: 'text', name: 'town', path: `${prefix}.town`, label: 'Town or city (optional)', optional: true, width: 'govuk-!-width-two-thirds' },
  { kind: 'text', name: 'postcode', path: `${prefix}.postcode`, label: 'Postcode', width: 'govuk-input--width-10', missing: 'Enter the postcode' },
];

export const familyNetworkForms: readonly EventForm<unknown>[] = [
  {
    type: 'professional.recorded', journeyStep: 400, title: 'Add a professional working with the child', occurredAt: date('Since when have they worked with the child?'),
    fields: [
      { kind: 'radios', name: 'role', label: 'What is their role?', options: optionsOf(professionalRoles), missing: 'Select the professional\'s role' },
      { kind: 'text', name: 'roleDescription', label: 'If other, what do they do? (optional)', optional: true },
      { kind: 'text', name: 'name', label: 'Their name', missing: 'Enter the professional\'s name' },
      { kind: 'text', name: 'organisation', label: 'Organisation (optional)', hint: 'For example, the surgery or the school', optional: true },
      { kind: 'text', name: 'phone', label: 'Telephone (optional)', optional: true, width: 'govuk-input--width-20' },
      { kind: 'text', name: 'email', label: 'Email address (optional)', optional: true },
      { kind: 'textarea', name: 'address', label: 'Address (optional)', optional: true },
    ],
  },
  {
    type: 'flag.raised', journeyStep: 410, title: 'Raise a flag on the record', occurredAt: date('Date the flag was raised'),
    fields: [
      { kind: 'radios', name: 'kind', label: 'What is the flag?', options: optionsOf(flagKinds), missing: 'Select the kind of flag' },
      { kind: 'text', name: 'description', label: 'What it says, if other; or more detail (optional)', hint: 'For example, the language an interpreter is needed for', optional: true },
      { kind: 'textarea', name: 'reason', label: 'Why is the flag raised?', missing: 'Enter why the flag is raised' },
    ],
  },
  {
    type: 'address.changed', journeyStep: 420, title: 'Record the child\'s move to a new address', occurredAt: date('Date of the move'),
    fields: [
      ...addressFields('address'),
      { kind: 'textarea', name: 'reason', label: 'Why did the child move? (optional)', optional: true },
    ],
  },
];
