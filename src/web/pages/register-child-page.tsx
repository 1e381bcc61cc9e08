import { useState } from 'react';
import { BackLink } from '../govuk/index.ts';
import { EventFormView } from '../recording/event-form-view.tsx';
import { registrationForm } from '../module-parts.tsx';
import { navigate } from '../router.tsx';
import { setFlash } from './flash.ts';

/** A new LA child id: the council's code and the time, unique enough for one person registering at a time. */
function newChildId(): string {
  const random = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000;
  return `N${Date.now().toString(36).toUpperCase()}${String(random).padStart(5, '0')}`.slice(0, 20);
}

export function RegisterChildPage() {
  const [childId] = useState(() => {
    const kept = window.sessionStorage.getItem('safeguard:new-child-id');
    const id = kept ?? newChildId();
    window.sessionStorage.setItem('safeguard:new-child-id', id);
    return id;
  });
  return (
    <>
      <BackLink href="/children" text="Back to Find a child" />
      <h1 className="govuk-heading-l">Register a child</h1>
      <p className="govuk-body">Search first to check the child is not already known. The child's LA child id will be <strong>{childId}</strong>.</p>
      <EventFormView
        form={registrationForm}
        childId={childId}
        submitText="Register the child"
        onRecorded={() => {
          window.sessionStorage.removeItem('safeguard:new-child-id');
          setFlash('Child registered. Record the contact next');
          navigate(`/children/${childId}`);
        }}
      />
    </>
  );
}
