/**
 * Management oversight's part of the record summary, made from the folded record in the shape of
 * its read model (read-model.ts, which the browser reads too and so imports none of the rules).
 */
import type { AuthorisationItem, ManagementOversightSummary } from './read-model.ts';
import { authorisableItemsOf, submittableItemsOf, type ManagementOversightView } from './rules.ts';

export function managementOversightSummaryOf(state: ManagementOversightView): ManagementOversightSummary {
  const submittable = new Set(submittableItemsOf(state).map((item) => item.subjectId));
  const items = authorisableItemsOf(state).map((item): AuthorisationItem => {
    const authorisation = state.authorisations.find((a) => a.subjectId === item.subjectId);
    if (!authorisation) return { ...item, status: 'not-submitted', submittable: submittable.has(item.subjectId), steps: [] };
    // The item's own fields are the record's (subject, id, episode); the authorisation adds where it stands.
    const { subject: _subject, subjectId: _subjectId, episodeId: _episodeId, ...standing } = authorisation;
    return { ...item, ...standing, submittable: submittable.has(item.subjectId) };
  });
  return { items, oversight: state.managementOversight };
}
