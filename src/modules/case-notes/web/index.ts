/**
 * Case notes' web part: the record's "Case notes" view with its "Add a case note" form, "Add a
 * note to this …" on the chronology entries a note may belong to, the note's words in the
 * chronology, and "Search case notes" in the service navigation. Browser code: no database, server
 * or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { linkableEventWords, noteTypeCodes } from '../codes.ts';
import { CaseNotesReadModel } from '../read-model.ts';
import { CaseNotesView, type CaseNotesShown } from './notes-view.tsx';
import { caseNoteSearchPage } from './search-page.tsx';
import { formatDate } from '../../../web/format.ts';

export const caseNotesWeb = defineWebModule<Pick<CaseNotesShown, 'households'>>()({
  id: 'case-notes',
  readModel: CaseNotesReadModel,
  eventLabels: { 'case-note.recorded': 'Case note' },
  chronology: {
    fieldNames: { noteType: 'Type', present: 'Present', narrative: 'Note', voiceOfTheChild: 'The child\'s wishes and feelings' },
    codeWords: { noteType: noteTypeCodes },
  },
  record: { views: [{ path: 'case-notes', title: 'Case notes', Part: CaseNotesView }] },
  worklists: [caseNoteSearchPage],
  chronologyEntryLinks: (entry) => {
    const words = linkableEventWords[entry.type];
    if (!words) return [];
    const what = entry.type.endsWith('visit-made') || entry.type === 'visit.made' ? 'visit' : words.toLowerCase();
    return [{
      href: `/children/${encodeURIComponent(entry.childId)}/case-notes?add&event=${encodeURIComponent(entry.eventId)}`,
      text: `Add a note to this ${what}`, hiddenText: `of ${formatDate(entry.occurredOn)}`,
    }];
  },
});
