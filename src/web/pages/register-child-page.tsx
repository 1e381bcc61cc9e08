import { useRef, useState } from 'react';
import { api } from '../api.ts';
import { formatDate } from '../format.ts';
import { BackLink, WarningText } from '../govuk/index.ts';
import type { IdentityMatch } from '../identity-match.ts';
import { EventFormView } from '../recording/event-form-view.tsx';
import { registrationForm } from '../module-parts.tsx';
import { navigate } from '../router.tsx';
import { setFlash } from './flash.ts';

/** The form's draft is kept under this name until the server has issued the child's LA child id. */
const NEW_CHILD = 'new-child';

export function RegisterChildPage() {
  const [candidates, setCandidates] = useState<IdentityMatch[]>([]);
  /** The names and date of birth the warning was given for: registering them again is the person's answer. */
  const warnedFor = useRef<string | undefined>(undefined);
  // Likely duplicates are looked for across the council before the record is saved; once warned
  // about these details, the next press registers the child.
  const beforeSave = async (command: { data: Record<string, unknown> }) => {
    const { forename, surname, dateOfBirth } = command.data as { forename?: string; surname?: string; dateOfBirth?: string };
    if (!forename || !surname) return true;
    const key = JSON.stringify([forename, surname, dateOfBirth ?? null]);
    if (warnedFor.current === key) return true;
    const found = await api.post<{ candidates: IdentityMatch[] }>('/identity/duplicate-check', { forename, surname, ...(dateOfBirth ? { dateOfBirth } : {}) })
      .catch(() => ({ candidates: [] as IdentityMatch[] }));
    setCandidates(found.candidates);
    if (found.candidates.length === 0) return true;
    warnedFor.current = key;
    window.scrollTo(0, 0);
    document.getElementById('likely-duplicates')?.focus();
    return false;
  };
  return (
    <>
      <BackLink href="/children" text="Back to Find a child" />
      <h1 className="govuk-heading-l">Register a child</h1>
      <p className="govuk-body">Search first to check the child is not already known. The child is given their LA child id when you register them.</p>
      {candidates.length > 0 ? <LikelyDuplicates candidates={candidates} /> : null}
      <EventFormView
        form={registrationForm}
        childId={NEW_CHILD}
        submitText={candidates.length > 0 ? 'They are not the same child: register anyway' : 'Register the child'}
        beforeSave={beforeSave}
        onRecorded={() => undefined}
        record={async (command) => {
          const { type: _type, ...registration } = command;
          const { childId } = await api.post<{ childId: string }>('/children', registration);
          setFlash(`Child registered with LA child id ${childId}. Record the contact next`);
          navigate(`/children/${childId}`);
        }}
      />
    </>
  );
}

/** The children already known who may be this child: identity only, each opened or asked for as the person may. */
function LikelyDuplicates(props: { candidates: readonly IdentityMatch[] }) {
  return (
    <section id="likely-duplicates" tabIndex={-1} aria-labelledby="duplicates-heading" data-testid="likely-duplicates" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="duplicates-heading">This child may already be known</h2>
      <WarningText text={`${props.candidates.length === 1 ? 'A child' : 'Children'} with a similar name and date of birth ${props.candidates.length === 1 ? 'is' : 'are'} already known to the council. Check before you register a second record for the same child.`} iconFallbackText="Warning" />
      <ul className="govuk-list govuk-list--bullet">
        {props.candidates.map((child) => (
          <li key={child.childId}>
            {child.inScope ? <a className="govuk-link" href={`/children/${child.childId}`}>{child.forename} {child.surname}</a> : `${child.forename} ${child.surname}`}
            {' '}({child.childId}), born {child.dateOfBirth ? formatDate(child.dateOfBirth) : 'not known'}: {child.known.length > 0 ? child.known.join(', ') : 'known, no open work'}
            {child.inScope ? null : <>. You do not have access to this record: <a className="govuk-link" href={`/access-requests?childId=${encodeURIComponent(child.childId)}`}>ask for access</a></>}
          </li>
        ))}
      </ul>
      <p className="govuk-body">If this is a different child, check the details below and register them.</p>
    </section>
  );
}
