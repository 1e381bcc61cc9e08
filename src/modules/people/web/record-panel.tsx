/** The people module's parts of the child's record page: who the child is, who works with them, and their network. */
import { ethnicityCodes, sexCodes } from '../../../codes/statutory-codes.ts';
import type { RelatedChild } from '../../../record/read-model.ts';
import { ageOn, formatDate, humanise } from '../../../web/format.ts';
import { SummaryList } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/use-api.ts';
import type { RecordFlag, RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import type { PeopleReadModel } from '../read-model.ts';

type PeopleShown = RecordKernel & PeopleReadModel;

export const peopleFlags = (record: PeopleShown): RecordFlag[] =>
  record.details?.disabilities?.some((d) => d !== 'NONE') ? [{ text: 'Disability', colour: 'blue' }] : [];

/** About the child, and who they are allocated to. */
export function AboutTheChild(props: RecordPartProps<PeopleShown>) {
  const { record: child } = props;
  const { workerName, teamName } = useSession();
  const details = child.details;
  const age = ageOn(details?.dateOfBirth, child.asAt);
  return (
    <>
      <SummaryList card={{ title: { text: 'About the child' } }} rows={[
        { key: { text: 'Date of birth' }, value: { text: details?.dateOfBirth ? `${formatDate(details.dateOfBirth)} (${age} ${age === 1 ? 'year' : 'years'})` : details?.expectedDateOfBirth ? `Expected ${formatDate(details.expectedDateOfBirth)}` : 'Not known' } },
        { key: { text: 'Sex' }, value: { text: sexCodes[details?.sex as keyof typeof sexCodes] ?? details?.sex ?? '' } },
        { key: { text: 'Ethnicity' }, value: { text: ethnicityCodes[details?.ethnicity as keyof typeof ethnicityCodes] ?? details?.ethnicity ?? '' } },
        details?.nhsNumber ? { key: { text: 'NHS number' }, value: { text: details.nhsNumber } } : null,
        details?.address?.postcode ? { key: { text: 'Postcode' }, value: { text: details.address.postcode } } : null,
      ]} />
      <SummaryList card={{ title: { text: 'Allocation' } }} rows={[
        { key: { text: 'Social worker' }, value: { text: child.allocation ? workerName(child.allocation.workerId) : 'Not allocated' } },
        { key: { text: 'Team' }, value: { text: teamName(child.allocation?.teamId) } },
        child.allocation ? { key: { text: 'Allocated' }, value: { text: formatDate(child.allocation.startedOn) } } : null,
      ]} />
    </>
  );
}

/** The child's siblings and the other children in their household, their households and relationships. */
export function Household(props: RecordPartProps<PeopleShown>) {
  const { record: child, tagsFor } = props;
  const related = useApi<{ children: RelatedChild[] }>(`/children/${encodeURIComponent(child.childId)}/related-children`);
  return (
    <>
      <h2 className="govuk-heading-m">Siblings and children in the household</h2>
      {related.data ? (related.data.children.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <table className="govuk-table" data-testid="related-children">
          <caption className="govuk-table__caption govuk-visually-hidden">Siblings and children in the household</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th><th scope="col" className="govuk-table__header">Date of birth</th>
            <th scope="col" className="govuk-table__header">Link</th><th scope="col" className="govuk-table__header">Status</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {related.data.children.map((other) => (
              <tr key={other.childId} className="govuk-table__row">
                <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${other.childId}`}>{other.forename} {other.surname}</a></td>
                <td className="govuk-table__cell">{formatDate(other.dateOfBirth) || 'Not known'}</td>
                <td className="govuk-table__cell">{other.links.map(humanise).join(' and ')}</td>
                <td className="govuk-table__cell">{tagsFor(other)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )) : <p className="govuk-body">Loading…</p>}
      <h2 className="govuk-heading-m">Households</h2>
      {child.households.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {child.households.map((h) => <li key={`${h.householdId}-${h.joinedOn}`}>{h.householdId}: from {formatDate(h.joinedOn)}{h.leftOn ? ` to ${formatDate(h.leftOn)}` : ''}</li>)}
        </ul>
      )}
      <h2 className="govuk-heading-m">Relationships</h2>
      {child.relationships.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Relationships</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Person</th><th scope="col" className="govuk-table__header">Relationship</th>
            <th scope="col" className="govuk-table__header">Parental responsibility</th><th scope="col" className="govuk-table__header">Lives with the child</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {child.relationships.map((r) => (
              <tr key={r.relationshipId} className="govuk-table__row">
                <td className="govuk-table__cell">{r.relatedChildId ? <a className="govuk-link" href={`/children/${r.relatedChildId}`}>{r.relatedChildId}</a> : r.relatedPerson?.name}</td>
                <td className="govuk-table__cell">{humanise(r.relationship)}{r.endedOn ? ` (ended ${formatDate(r.endedOn)})` : ''}</td>
                <td className="govuk-table__cell">{r.parentalResponsibility ? 'Yes' : 'No'}</td>
                <td className="govuk-table__cell">{r.livesWithChild ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
