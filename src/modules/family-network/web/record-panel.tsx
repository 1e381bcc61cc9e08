/** The family network's parts of the child's record: its flags in the header, and the Family and network view. */
import type { ReactNode } from 'react';
import { formatDate, humanise } from '../../../web/format.ts';
import { Button } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/use-api.ts';
import type { RecordFlag, RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import type { ChildDetails } from '../../people/index.ts';
import type { HouseholdMembershipState } from '../../people/state.ts';
import type { Network } from '../adults.ts';
import { flagKinds, professionalRoles, type Address } from '../events.ts';
import { relationshipWords } from '../genogram.ts';
import type { FamilyNetworkReadModel } from '../read-model.ts';
import { GenogramDrawing, GenogramTable } from './genogram.tsx';

/** A partner agency's view of the record leaves the family network out. */
type FamilyNetworkShown = RecordKernel & Partial<FamilyNetworkReadModel> & { details?: ChildDetails; households?: HouseholdMembershipState[] };

const flagColours: Record<string, string> = {
  'risk-to-visiting-staff': 'red', 'cp-is-elsewhere': 'orange', 'do-not-disclose-address': 'red', 'interpreter-needed': 'purple',
};

export const flagText = (flag: { kind: string; description?: string }) =>
  flag.kind === 'other' ? flag.description ?? 'Other' : flag.kind === 'interpreter-needed' && flag.description ? `Interpreter needed: ${flag.description}` : flagKinds[flag.kind as keyof typeof flagKinds] ?? humanise(flag.kind);

/** The record's active flags, as tags in its header. */
export const familyNetworkFlags = (record: FamilyNetworkShown): RecordFlag[] =>
  (record.familyNetwork?.flags ?? []).filter((flag) => flag.removedOn === undefined).map((flag) => ({ text: flagText(flag), colour: flagColours[flag.kind] ?? 'yellow' }));

export const addressText = (address: Address) => [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ');

export const professionalRoleText = (p: { role: string; roleDescription?: string }) =>
  p.role === 'other' && p.roleDescription ? p.roleDescription : professionalRoles[p.role as keyof typeof professionalRoles] ?? humanise(p.role);

function Scroll(props: { label: string; children: ReactNode }) {
  return <div className="app-table-scroll" role="region" aria-label={props.label} tabIndex={0}>{props.children}</div>;
}

/** The child's network: flags, people, the genogram with its table, professionals, addresses and households. */
export function FamilyAndNetwork(props: RecordPartProps<FamilyNetworkShown>) {
  const { record: child } = props;
  const { viewer } = useSession();
  const partner = child.view === 'partner';
  const network = useApi<Network>(partner ? null : `/children/${encodeURIComponent(child.childId)}/family-network`);
  if (partner || !child.familyNetwork) return <p className="govuk-body">The family network is not part of the view of the record shared with your agency.</p>;
  const { flags, professionals, addresses } = child.familyNetwork;
  const records = viewer?.permissions.records ?? false;
  const base = `/children/${encodeURIComponent(child.childId)}`;
  const activeFlags = flags.filter((f) => f.removedOn === undefined);
  const currentHouseholds = (child.households ?? []).filter((h) => h.leftOn === undefined);
  const adultsOfChild = (network.data?.relationships ?? []).filter((r) => r.childId === child.childId && r.personId !== null);
  const adultById = new Map((network.data?.adults ?? []).map((a) => [a.personId, a]));
  const name = child.details ? `${child.details.forename} ${child.details.surname}` : child.childId;
  return (
    <>
      <h2 className="govuk-heading-m" id="flags-heading">Flags</h2>
      {activeFlags.length === 0 ? <p className="govuk-body">No flags are raised.</p> : (
        <ul className="govuk-list" data-testid="active-flags">
          {activeFlags.map((flag) => (
            <li key={flag.flagId}>
              <strong>{flagText(flag)}</strong>, raised {formatDate(flag.raisedOn)}: {flag.reason}
              {records ? <> <a className="govuk-link" href={`${base}/family-network/flags/${flag.flagId}/remove`}>Remove<span className="govuk-visually-hidden"> the flag {flagText(flag)}</span></a></> : null}
            </li>
          ))}
        </ul>
      )}
      {records ? <p className="govuk-body"><a className="govuk-link" href={`${base}/record/flag.raised`}>Raise a flag</a></p> : null}
      {flags.some((f) => f.removedOn !== undefined) ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Flags removed</span></summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {flags.filter((f) => f.removedOn !== undefined).map((flag) => <li key={flag.flagId}>{flagText(flag)}: raised {formatDate(flag.raisedOn)}, removed {formatDate(flag.removedOn)} ({flag.removalReason})</li>)}
            </ul>
          </div>
        </details>
      ) : null}

      <h2 className="govuk-heading-m">Parents, carers and other adults</h2>
      {network.error ? <p className="govuk-body" role="alert">{network.error.message}</p> : !network.data ? <p className="govuk-body" role="status">Loading…</p> : adultsOfChild.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <Scroll label="Parents, carers and other adults">
          <table className="govuk-table" data-testid="adults">
            <caption className="govuk-table__caption govuk-visually-hidden">Parents, carers and other adults</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th><th scope="col" className="govuk-table__header">Relationship</th>
              <th scope="col" className="govuk-table__header">Parental responsibility</th><th scope="col" className="govuk-table__header">Lives with the child</th>
              <th scope="col" className="govuk-table__header">Contact</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {adultsOfChild.map((link) => {
                const adult = adultById.get(link.personId!);
                const d = adult?.details;
                return (
                  <tr key={link.relationshipId} className="govuk-table__row">
                    <td className="govuk-table__cell"><a className="govuk-link" href={`/adults/${encodeURIComponent(link.personId!)}`}>{d ? `${d.forename} ${d.surname}` : link.personName}</a>{d?.dateOfBirth ? <><br /><span className="govuk-body-s">Born {formatDate(d.dateOfBirth)}</span></> : null}</td>
                    <td className="govuk-table__cell">{relationshipWords(link.relationship)}</td>
                    <td className="govuk-table__cell">{link.parentalResponsibility ? 'Yes' : 'No'}</td>
                    <td className="govuk-table__cell">{link.livesWithChild ? 'Yes' : 'No'}</td>
                    <td className="govuk-table__cell app-break-anywhere">
                      {[d?.phone, d?.email, d?.address ? addressText(d.address) : undefined].filter(Boolean).join('; ') || 'Not recorded'}
                      {d?.interpreterNeeded ? <><br /><strong>Interpreter needed: {d.interpreterLanguage}</strong></> : null}
                      {d?.professionalInvolved ? <><br />Professional involved: {d.professionalInvolved}</> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Scroll>
      )}
      {records ? <Button text="Add a parent, carer or other adult" href={`${base}/family-network/add-adult`} classes="govuk-button--secondary" /> : null}

      <h2 className="govuk-heading-m">Genogram</h2>
      {network.data ? (
        <>
          <GenogramDrawing network={network.data} title={`Genogram of ${name}'s family`} />
          <Scroll label="The genogram as a table">
            <GenogramTable network={network.data} caption="The genogram as a table"
              linkOf={(person) => (person.kind === 'adult' ? `/adults/${encodeURIComponent(person.id)}` : person.id !== child.childId ? `/children/${encodeURIComponent(person.id)}/family-network` : undefined)} />
          </Scroll>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Professionals around the child</h2>
      {professionals.filter((p) => p.endedOn === undefined).length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <Scroll label="Professionals around the child">
          <table className="govuk-table" data-testid="professionals">
            <caption className="govuk-table__caption govuk-visually-hidden">Professionals around the child</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Role</th><th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Contact</th><th scope="col" className="govuk-table__header">Since</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {professionals.filter((p) => p.endedOn === undefined).map((p) => (
                <tr key={p.professionalId} className="govuk-table__row">
                  <td className="govuk-table__cell">{professionalRoleText(p)}</td>
                  <td className="govuk-table__cell">{p.name}{p.organisation ? <><br />{p.organisation}</> : null}</td>
                  <td className="govuk-table__cell app-break-anywhere">{[p.phone, p.email, p.address].filter(Boolean).join('; ') || 'Not recorded'}</td>
                  <td className="govuk-table__cell">{formatDate(p.from)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {records ? <p className="govuk-body"><a className="govuk-link" href={`${base}/record/professional.recorded`}>Add a professional</a></p> : null}

      <h2 className="govuk-heading-m">Address history</h2>
      {addresses.length === 0 ? <p className="govuk-body">{child.details?.address?.postcode ? `No moves recorded. Postcode at registration: ${child.details.address.postcode}.` : 'No moves recorded.'}</p> : (
        <Scroll label="Address history">
          <table className="govuk-table" data-testid="address-history">
            <caption className="govuk-table__caption govuk-visually-hidden">Address history</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Address</th><th scope="col" className="govuk-table__header">From</th>
              <th scope="col" className="govuk-table__header">To</th><th scope="col" className="govuk-table__header">Moved with</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {[...addresses].reverse().map((a) => (
                <tr key={`${a.from}-${a.moveId ?? addressText(a.address)}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{addressText(a.address)}</td>
                  <td className="govuk-table__cell">{formatDate(a.from)}</td>
                  <td className="govuk-table__cell">{a.to ? formatDate(a.to) : 'Now'}</td>
                  <td className="govuk-table__cell">{a.householdId ? <a className="govuk-link" href={`/households/${encodeURIComponent(a.householdId)}`}>The household</a> : 'The child alone'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {records ? <p className="govuk-body"><a className="govuk-link" href={`${base}/record/address.changed`}>Record the child's own move</a></p> : null}

      <h2 className="govuk-heading-m">Households</h2>
      {currentHouseholds.length === 0 ? <p className="govuk-body">The child is in no household recorded now.</p> : (
        <ul className="govuk-list">
          {currentHouseholds.map((h) => <li key={h.householdId}><a className="govuk-link" href={`/households/${encodeURIComponent(h.householdId)}`}>Household {h.householdId}</a> (since {formatDate(h.joinedOn)})</li>)}
        </ul>
      )}
    </>
  );
}
