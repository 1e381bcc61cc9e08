import { BackLink, WarningText } from '../govuk/index.ts';
import { eventForms, eventLabel, type ChildRecord } from '../module-parts.tsx';
import { EventFormView } from '../recording/event-form-view.tsx';
import { navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { setFlash } from './flash.ts';

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
          initialValues={form.prefill?.(record.data) ?? {}}
          onRecorded={() => {
            setFlash(`${eventLabel(form.type)} recorded`);
            navigate(`/children/${props.childId}`);
          }}
        />
      )}
    </>
  );
}
