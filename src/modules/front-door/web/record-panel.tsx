/** The front door's part of the child's record page: the contacts, beside the episodes they led to. */
import { formatDate, humanise } from '../../../web/format.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import type { FrontDoorReadModel } from '../read-model.ts';

export function Contacts(props: RecordPartProps<RecordKernel & FrontDoorReadModel>) {
  const { contacts } = props.record;
  if (contacts.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Contacts</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Contacts</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Received</th><th scope="col" className="govuk-table__header">Reason</th><th scope="col" className="govuk-table__header">Decision</th>
        </tr></thead>
        <tbody className="govuk-table__body">
          {contacts.slice().reverse().map((contact) => (
            <tr key={contact.contactId} className="govuk-table__row">
              <td className="govuk-table__cell app-nowrap">{formatDate(contact.receivedOn)}</td>
              <td className="govuk-table__cell">{humanise(contact.primaryReason)}</td>
              <td className="govuk-table__cell">{contact.decision ? `${humanise(contact.decision)} (${formatDate(contact.decidedOn)})` : 'Awaiting decision'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
