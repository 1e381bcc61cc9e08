/**
 * The case notes' code lists, shared by the server and the web app: the kinds of note, and the
 * statutory events a note may belong to, each in words.
 */

/** What kind of contact or work a note records. */
export const noteTypeCodes = {
  'home-visit': 'Home visit',
  'office-visit': 'Office visit',
  'phone-call': 'Phone call',
  'direct-work': 'Direct work with the child',
  'management-oversight': 'Management oversight',
  'supervision-discussion': 'Supervision discussion',
  'multi-agency-meeting': 'Multi-agency meeting',
  other: 'Other',
} as const;
export type NoteType = keyof typeof noteTypeCodes;
export const noteTypes = Object.keys(noteTypeCodes) as [NoteType, ...NoteType[]];

/**
 * The statutory events a note may belong to (its `linkedEventId`), in words. Named by their event
 * types only, so that this module depends on no other: a new module's visit or meeting is added
 * here to be linkable.
 */
export const linkableEventWords: Record<string, string> = {
  'contact.received': 'Contact',
  'referral.received': 'Referral',
  'assessment.started': 'Assessment started',
  'assessment.completed': 'Assessment completed',
  'cin-plan.started': 'Child in need plan started',
  'visit.made': 'Visit',
  'episode.closed': 'Case closure',
  'strategy-discussion.held': 'Strategy discussion',
  'section-47.completed': 'Section 47 enquiry completed',
  'conference.initial-held': 'Initial child protection conference',
  'core-group.held': 'Core group meeting',
  'conference.review-held': 'Review child protection conference',
  'cp-plan.ended': 'Child protection plan ended',
  'private-fostering.visit-made': 'Private fostering visit',
  'private-fostering.arrangement-reviewed': 'Private fostering annual review',
};
export const linkableEventTypes = Object.keys(linkableEventWords);
