import { TableRegion } from '../table-region.tsx';
import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../api.ts';
import type { ChildListItem, RelatedChild } from '../../record/read-model.ts';
import type { IdentityMatch } from '../identity-match.ts';
import { Button, DateInput, Details, ErrorSummary, Input } from '../govuk/index.ts';
import { classifySearch, formatDate, nameSearchOf } from '../format.ts';
import { InvolvementTags, type ChildRecord } from '../module-parts.tsx';
import { navigate, useLocation } from '../router.tsx';
import { offers } from '../access.ts';
import { useSession } from '../session.tsx';

/** A child found; the record's involvements come with a search by LA child id. */
type FoundChild = ChildListItem & Partial<Pick<ChildRecord, 'involvements'>>;

interface Found {
  children: FoundChild[];
  related: Record<string, RelatedChild[]>;
  /** Children known to the council, found by identity only, that the list above does not hold. */
  elsewhere: IdentityMatch[];
}

/** What the council is doing with a child, as identity search says it. */
const knownTo = (child: IdentityMatch) =>
  `${child.known.length > 0 ? child.known.join(', ') : 'Known, no open work'}${child.service ? ` (${child.service.replace(/-/g, ' ')} service)` : ''}`;

/**
 * One box for a name, date of birth, LA child id or NHS number; names are matched tolerantly. The
 * children whose records the searcher may open are listed first; then the council's other children
 * of that identity (identity search: name, date of birth, LA child id, what they are known to), each
 * saying the searcher has no access and offering to ask for it.
 */
export function FindChildPage() {
  const { query: params } = useLocation();
  const { workerName, viewer } = useSession();
  const text = params.get('q') ?? '';
  const dob = params.get('dob') ?? '';
  const [found, setFound] = useState<Found>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!text && !dob) { setFound(undefined); return; }
    let current = true;
    (async () => {
      const search = classifySearch(text);
      let children: FoundChild[] = [];
      if (search.kind === 'childId' && !dob) {
        const record = await api.get<ChildRecord>(`/children/${encodeURIComponent(search.value)}`).catch(() => undefined);
        if (record?.details) {
          children = [{ childId: record.childId, forename: record.details.forename, surname: record.details.surname, dateOfBirth: record.details.dateOfBirth ?? null, expectedDateOfBirth: null,
            sex: record.details.sex, ethnicity: record.details.ethnicity, status: record.status, involvements: record.involvements,
            allocatedWorkerId: record.allocation?.workerId ?? null, allocatedTeamId: record.allocation?.teamId ?? null }];
        }
      } else {
        const criteria = search.kind === 'nhsNumber' ? { nhsNumber: search.value } : search.kind === 'dateOfBirth' ? { dateOfBirth: search.value } : search.kind === 'name' ? nameSearchOf(search.value) : {};
        const answer = await api.get<{ children: ChildListItem[] }>(`/children${query({ ...criteria, ...(dob ? { dateOfBirth: dob } : {}), limit: 25 })}`);
        children = answer.children;
      }
      // The whole council, identity only: who is known, and whether the searcher may open the record.
      const identity = search.kind === 'nhsNumber' ? { children: [] as IdentityMatch[] } : await api.get<{ children: IdentityMatch[] }>(`/identity/children${query({
        ...(search.kind === 'childId' ? { childId: search.value } : search.kind === 'dateOfBirth' ? { dateOfBirth: search.value } : search.kind === 'name' ? { name: search.value } : {}),
        ...(dob ? { dateOfBirth: dob } : {}), limit: 25,
      })}`).catch(() => ({ children: [] as IdentityMatch[] }));
      const listed = new Set(children.map((child) => child.childId));
      const elsewhere = identity.children.filter((child) => !listed.has(child.childId));
      const related: Record<string, RelatedChild[]> = {};
      await Promise.all(children.slice(0, 10).map(async (child) => {
        related[child.childId] = (await api.get<{ children: RelatedChild[] }>(`/children/${child.childId}/related-children`)).children;
      }));
      if (current) { setFound({ children, related, elsewhere }); setError(undefined); }
    })().catch((caught: Error) => { if (current) setError(caught instanceof ApiError && caught.problems[0] ? caught.problems[0].message : caught.message); });
    return () => { current = false; };
  }, [text, dob]);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const day = String(data.get('dob-day') ?? '').trim();
    const month = String(data.get('dob-month') ?? '').trim();
    const year = String(data.get('dob-year') ?? '').trim();
    const dateOfBirth = day && month && year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
    navigate(`/children${query({ q: String(data.get('q') ?? '').trim(), dob: dateOfBirth })}`);
  };
  const [year, month, day] = dob ? dob.split('-') : [];
  return (
    <>
      {error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: error, href: '#q' }]} /> : null}
      <h1 className="govuk-heading-l">Find a child</h1>
      <form role="search" onSubmit={(event) => { event.preventDefault(); submit(event.currentTarget); }}>
        <Input name="q" id="q" value={text} classes="govuk-!-width-two-thirds" spellcheck={false} autocomplete="off"
          label={{ text: 'Name, LA child id or NHS number', classes: 'govuk-label--s' }}
          hint={{ text: 'For example, Ali Aziz, C2060000260 or 943 476 5919. Close spellings of a name are found too.' }} />
        <Details summaryText="Add a date of birth" open={Boolean(dob)}>
          <DateInput id="dob" namePrefix="dob" fieldset={{ legend: { text: 'Date of birth', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'For example, 27 3 2015' }} values={{ 'dob-day': day, 'dob-month': month, 'dob-year': year }} />
        </Details>
        <div className="govuk-button-group">
          <Button text="Search" />
          {viewer && offers.recordEvents(viewer) ? <a className="govuk-link" href="/children/new">Register a new child</a> : null}
        </div>
      </form>
      {found ? (
        <>
          <h2 className="govuk-heading-m" data-testid="result-count">{found.children.length === 0 ? (found.elsewhere.length > 0 ? 'No children found whose records you can open' : 'No children found') : `${found.children.length} ${found.children.length === 1 ? 'child' : 'children'} found`}</h2>
          {found.children.length > 0 ? (
            <TableRegion label="Children found">
              <table className="govuk-table" data-testid="search-results">
                <caption className="govuk-table__caption govuk-visually-hidden">Children found</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Name</th>
                    <th scope="col" className="govuk-table__header">Date of birth</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header">Allocated to</th>
                    <th scope="col" className="govuk-table__header">Siblings and household</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {found.children.map((child) => {
                    const related = found.related[child.childId];
                    return (
                      <tr key={child.childId} className="govuk-table__row">
                        <td className="govuk-table__cell">
                          <a className="govuk-link" href={`/children/${child.childId}`}>{child.forename} {child.surname}</a>
                          <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-bottom-0">{child.childId}</span>
                        </td>
                        <td className="govuk-table__cell app-nowrap">{child.dateOfBirth ? formatDate(child.dateOfBirth) : child.expectedDateOfBirth ? `Expected ${formatDate(child.expectedDateOfBirth)}` : 'Not known'}</td>
                        <td className="govuk-table__cell"><InvolvementTags child={child} /></td>
                        <td className="govuk-table__cell">{workerName(child.allocatedWorkerId)}</td>
                        <td className="govuk-table__cell">
                          {related === undefined ? '' : related.length === 0 ? 'None recorded' : (
                            <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                              {related.map((other) => (
                                <li key={other.childId}><a className="govuk-link" href={`/children/${other.childId}`}>{other.forename} {other.surname}</a> ({other.links.join(', ')})</li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          ) : found.elsewhere.length === 0 ? <p className="govuk-body">Check the spelling, or search by date of birth or NHS number.</p> : null}
          {found.elsewhere.length > 0 ? (
            <TableRegion label="Also known to the council">
            <table className="govuk-table" data-testid="council-results">
              <caption className="govuk-table__caption govuk-table__caption--m">Also known to the council</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Date of birth</th>
                  <th scope="col" className="govuk-table__header">Known to</th>
                  <th scope="col" className="govuk-table__header">Record</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {found.elsewhere.map((child) => (
                  <tr key={child.childId} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {child.inScope ? <a className="govuk-link" href={`/children/${child.childId}`}>{child.forename} {child.surname}</a> : `${child.forename} ${child.surname}`}
                      <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-bottom-0">{child.childId}</span>
                    </td>
                    <td className="govuk-table__cell app-nowrap">{child.dateOfBirth ? formatDate(child.dateOfBirth) : child.expectedDateOfBirth ? `Expected ${formatDate(child.expectedDateOfBirth)}` : 'Not known'}</td>
                    <td className="govuk-table__cell">{knownTo(child)}</td>
                    <td className="govuk-table__cell">
                      {child.inScope ? <a className="govuk-link" href={`/children/${child.childId}`}>Open the record<span className="govuk-visually-hidden"> of {child.forename} {child.surname}</span></a> : (
                        <>
                          <span className="govuk-!-display-block">You do not have access to this record</span>
                          {child.accessRequest?.status === 'awaiting-decision' ? <span className="govuk-!-display-block govuk-!-font-size-16">You have asked: <a className="govuk-link" href="/access-requests">awaiting decision</a></span>
                            : viewer && viewer.permissions.scope !== 'shared-with-agency' && viewer.permissions.scope !== 'whole-la'
                              ? <a className="govuk-link" href={`/access-requests?childId=${encodeURIComponent(child.childId)}`}>Ask for access<span className="govuk-visually-hidden"> to the record of {child.forename} {child.surname}</span></a> : null}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableRegion>
          ) : null}
        </>
      ) : null}
    </>
  );
}
