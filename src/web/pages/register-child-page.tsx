import { api } from '../api.ts';
import { BackLink } from '../govuk/index.ts';
import { EventFormView } from '../recording/event-form-view.tsx';
import { registrationForm } from '../module-parts.tsx';
import { navigate } from '../router.tsx';
import { setFlash } from './flash.ts';

/** The form's draft is kept under this name until the server has issued the child's LA child id. */
const NEW_CHILD = 'new-child';

export function RegisterChildPage() {
  return (
    <>
      <BackLink href="/children" text="Back to Find a child" />
      <h1 className="govuk-heading-l">Register a child</h1>
      <p className="govuk-body">Search first to check the child is not already known. The child is given their LA child id when you register them.</p>
      <EventFormView
        form={registrationForm}
        childId={NEW_CHILD}
        submitText="Register the child"
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
