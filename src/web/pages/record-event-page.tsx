import { type ChildRecord } from '../api.ts';
import { BackLink, WarningText } from '../govuk/index.ts';
import { eventLabel } from '../format.ts';
import { EventFormView } from '../recording/event-form-view.tsx';
import { eventForms, type FormValues } from '../recording/event-forms.ts';
import { navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { setFlash } from './flash.ts';

/** What a form can fill in from the record, so nobody types what the record already knows. */
function prefillFrom(record: ChildRecord, eventType: string): FormValues {
  const lastContact = record.contacts.at(-1);
  switch (eventType) {
    case 'referral.received':
      return lastContact ? { source: lastContact.source } : {};
    case 'visit.made':
      return { kind: record.activeChildProtectionPlan ? 'child-protection' : record.openEpisode?.assessments.some((a) => !a.completedOn) ? 'assessment' : 'child-in-need' };
    case 'section-47.completed':
      return { outcome: 'initial-child-protection-conference' };
    default:
      return {};
  }
}

export function RecordEventPage(props: { childId: string; eventType: string }) {
  const record = useApi<ChildRecord>(`/children/${encodeURIComponent(props.childId)}`);
  const form = eventForms[props.eventType];
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : props.childId;
  const back = <BackLink href={`/children/${props.childId}`} text={`Back to ${name}`} />;
  if (!form) return <>{back}<h1 className="govuk-heading-l">This can not be recorded here</h1></>;
  if (record.error) return <>{back}<p className="govuk-body">{record.error.message}</p></>;
  if (!record.data) return <p className="govuk-body">Loading…</p>;
  const allowed = (record.data.allowedActions ?? []).includes(form.type);
  return (
    <>
      {back}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">{form.title}</h1>
      {!allowed ? (
        <WarningText text={`${eventLabel(form.type)} can not be recorded for this child now. Go back to the record to see what can.`} />
      ) : (
        <EventFormView
          form={form}
          childId={props.childId}
          initialValues={prefillFrom(record.data, form.type)}
          onRecorded={() => {
            setFlash(`${eventLabel(form.type)} recorded`);
            navigate(`/children/${props.childId}`);
          }}
        />
      )}
    </>
  );
}
