import { useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import type { RecordedAnswer } from '../../record/read-model.ts';
import { Button, Checkboxes, DateInput, Input, InsetText, Radios, Select, Textarea } from '../govuk/index.ts';
import { ProblemSummary, useProblems, type Problem } from '../forms/problems.tsx';
import { useSession } from '../session.tsx';
import { discardDraft, loadDraft, saveDraft, valuesOf, type Draft } from './drafts.ts';
import { commandFrom, controlIdOf, dateFrom, fieldOfProblem, messageFor, type EventForm, type FieldSpec, type FormValues } from './event-forms.ts';

/** The question a correction adds to the form it corrects. */
const CORRECTION_REASON = 'correctionReason';

const today = () => {
  const now = new Date();
  return { day: String(now.getDate()), month: String(now.getMonth() + 1), year: String(now.getFullYear()), time: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}` };
};


/**
 * One event's form: questions from the form's data, today's date filled in, a draft saved on every
 * change, and problems shown the GOV.UK way (a summary linked to each field, and a message on it).
 */
export function EventFormView(props: {
  form: EventForm;
  childId: string;
  initialValues?: FormValues;
  submitText?: string;
  /** Given when there is nothing more to read of the record than the event itself (its answer is not the child's). */
  onRecorded: (answer?: RecordedAnswer) => void;
  before?: ReactNode;
  /**
   * Sends the command somewhere other than the child's events (a note about a whole household);
   * without it, the command is recorded on the child.
   */
  send?: (command: { type: string; occurredAt: string; data: Record<string, unknown>; clientId: string }) => Promise<void>;
  /** The entry this form corrects: its answer is a new version of it, with the reason asked for at the end. */
  correcting?: { eventId: string; data: Record<string, unknown> };
  /** Sends the command somewhere other than the child's events (registering a child: the server issues the id); then `onRecorded` is not called. */
  record?: (command: Record<string, unknown> & { clientId: string }) => Promise<void>;
  /** Asked before the command is sent (e.g. to warn of a likely duplicate): false keeps the form as it is. */
  beforeSave?: (command: { type: string; occurredAt: string; data: Record<string, unknown> }) => Promise<boolean>;
}) {
  const { form, childId, correcting } = props;
  const { viewer, workers, teamName } = useSession();
  // Drafts are the signed-in person's own; a correction's draft is kept apart from a new entry's.
  const owner = viewer?.userId ?? 'nobody';
  const draftKey = correcting ? `${form.type}:correcting:${correcting.eventId}` : form.type;
  const [draft] = useState<Draft | undefined>(() => loadDraft(owner, childId, draftKey));
  const clientId = useRef(draft?.clientId ?? crypto.randomUUID());
  const { problems, show: showProblems, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [restored, setRestored] = useState(Boolean(draft));
  const now = useMemo(today, []);
  const me = viewer?.workerId ?? undefined;
  const currentWorkers = useMemo(() => {
    const date = new Date().toISOString().slice(0, 10);
    return workers.filter((worker) => !worker.leftOn || worker.leftOn > date).sort((a, b) => a.name.localeCompare(b.name));
  }, [workers]);

  const defaults: FormValues = {
    'occurredAt-day': now.day, 'occurredAt-month': now.month, 'occurredAt-year': now.year, 'occurredAt-time': now.time,
    ...Object.fromEntries(form.fields.filter((f) => f.kind === 'worker' && f.defaultToMe && me).map((f) => [f.name, me!])),
    ...props.initialValues,
  };
  const values: FormValues = formKey === 0 && draft ? draft.values : defaults;
  const text = (name: string) => { const value = values[name]; return typeof value === 'string' ? value : undefined; };
  const list = (name: string) => { const value = values[name]; return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []; };

  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    saveDraft(owner, childId, draftKey, { clientId: clientId.current, values: valuesOf(event.currentTarget), savedAt: new Date().toISOString() });
  };

  const submit = async (element: HTMLFormElement) => {
    const formValues = valuesOf(element);
    const found: Problem[] = [];
    // Date boxes are checked here: only the form knows which of the three boxes is missing.
    const dateProblem = (name: string, label: string, optional = false) => {
      const parts = ['day', 'month', 'year'].map((part) => String(formValues[`${name}-${part}`] ?? '').trim());
      if (parts.every((p) => !p)) { if (!optional) found.push({ field: name, message: `Enter the ${label.toLowerCase().replace(/\?$/, '')}` }); return; }
      const missing = ['day', 'month', 'year'].filter((_, i) => !parts[i]);
      if (missing.length > 0) found.push({ field: name, message: `${label.replace(/\?$/, '')} must include a ${missing.join(' and ')}` });
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(dateFrom(formValues, name)!)) found.push({ field: name, message: `${label.replace(/\?$/, '')} must be a real date` });
    };
    dateProblem('occurredAt', form.occurredAt.label);
    for (const field of form.fields) if (field.kind === 'date') dateProblem(field.name, field.label, field.optional);
    const correctionReason = String(formValues[CORRECTION_REASON] ?? '').trim();
    if (correcting && !correctionReason) found.push({ field: CORRECTION_REASON, message: 'Enter the reason for the correction' });
    if (found.length > 0) { showProblems(found); return; }
    const command = { ...commandFrom(form, formValues, { workers }, correcting?.data), ...(correcting ? { supersedes: correcting.eventId, correctionReason } : {}) };
    if (props.beforeSave && !(await props.beforeSave(command))) return;
    setSubmitting(true);
    try {
      if (props.record) {
        await props.record({ ...command, clientId: clientId.current });
        discardDraft(owner, childId, draftKey);
      } else {
        const answer = props.send
          ? await props.send({ ...command, clientId: clientId.current })
          : await api.post<RecordedAnswer>(`/children/${encodeURIComponent(childId)}/events`, { ...command, clientId: clientId.current });
        discardDraft(owner, childId, draftKey);
        props.onRecorded(answer ?? undefined);
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.problems.length > 0) {
        showProblems(caught.problems.map((problem) => {
          if (correcting && problem.field === CORRECTION_REASON) return { field: CORRECTION_REASON, message: problem.message };
          const field = fieldOfProblem(form, problem.field);
          return { field, message: messageFor(form.fields.find((f) => f.name === field), problem.message) };
        }));
      } else if (caught instanceof ApiError && caught.status === 409) {
        showProblems([{ message: `${caught.message.replace(/\.$/, '')}${caught.details.allowedActions ? '. Go back to the record to see what can be recorded now' : ''}` }]);
      } else {
        showProblems([{ message: caught instanceof Error ? caught.message : 'The record could not be saved: try again' }]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const firstControl = form.fields[0] ? controlIdOf(form.fields[0]) : 'occurredAt-day';
  const renderField = (field: FieldSpec) => {
    const error = errorOf(field.name);
    const hint = field.hint ? { text: field.hint } : undefined;
    switch (field.kind) {
      case 'text':
        return <Input key={field.name} name={field.name} id={field.name} label={{ text: field.label, classes: 'govuk-label--s' }} hint={hint} errorMessage={error} value={text(field.name)} classes={field.width} />;
      case 'textarea':
        return <Textarea key={field.name} name={field.name} id={field.name} label={{ text: field.label, classes: 'govuk-label--s' }} hint={hint} errorMessage={error} value={text(field.name)} />;
      case 'select':
        return <Select key={field.name} name={field.name} id={field.name} label={{ text: field.label, classes: 'govuk-label--s' }} hint={hint} errorMessage={error} value={text(field.name)}
          items={[...(field.options[0]?.value === '' ? [] : [{ value: '', text: 'Choose' }]), ...field.options]} />;
      case 'worker':
        return <Select key={field.name} name={field.name} id={field.name} label={{ text: field.label, classes: 'govuk-label--s' }} hint={hint} errorMessage={error} value={text(field.name)}
          items={[{ value: '', text: 'Choose a worker' }, ...currentWorkers.map((worker) => ({ value: worker.workerId, text: `${worker.name} (${teamName(worker.teamId)})` }))]} />;
      case 'radios':
        return <Radios key={field.name} name={field.name} idPrefix={field.name} fieldset={{ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } }} hint={hint} errorMessage={error}
          classes={field.inline ? 'govuk-radios--inline' : field.options.length > 6 ? 'govuk-radios--small' : undefined} value={text(field.name)} items={field.options} />;
      case 'yes-no':
        return <Radios key={field.name} name={field.name} idPrefix={field.name} classes="govuk-radios--inline" fieldset={{ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } }} hint={hint}
          errorMessage={error} value={text(field.name)} items={[{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }]} />;
      case 'checkboxes':
        return <Checkboxes key={field.name} name={field.name} idPrefix={field.name} classes={field.options.length > 10 ? 'govuk-checkboxes--small' : undefined}
          fieldset={{ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } }} hint={hint} errorMessage={error} values={list(field.name)} items={field.options} />;
      case 'date':
        return <DateInput key={field.name} id={field.name} namePrefix={field.name} fieldset={{ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } }} hint={hint} errorMessage={error}
          values={{ [`${field.name}-day`]: text(`${field.name}-day`), [`${field.name}-month`]: text(`${field.name}-month`), [`${field.name}-year`]: text(`${field.name}-year`) }} />;
    }
  };

  return (
    <div className="govuk-grid-row"><div className="govuk-grid-column-two-thirds">
      <ProblemSummary problems={problems} summaryRef={summaryRef} hrefOf={(name) => {
        const field = form.fields.find((f) => f.name === name);
        if (name === CORRECTION_REASON) return `#${CORRECTION_REASON}`;
        return `#${name === 'occurredAt' ? 'occurredAt-day' : field ? controlIdOf(field) : firstControl}`;
      }} />
      {restored ? (
        <InsetText>
          <p className="govuk-body">We restored your unsaved answers from {draft ? new Date(draft.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : ''}.</p>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button"
            onClick={() => { discardDraft(owner, childId, draftKey); clientId.current = crypto.randomUUID(); setRestored(false); showProblems([]); setFormKey((k) => k + 1); }}>
            Discard draft and start again
          </button>
        </InsetText>
      ) : null}
      {props.before}
      <form key={formKey} noValidate onChange={onChange} onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="event-form">
        <DateInput id="occurredAt" namePrefix="occurredAt" fieldset={{ legend: { text: form.occurredAt.label, classes: 'govuk-fieldset__legend--s' } }} errorMessage={errorOf('occurredAt')}
          values={{ 'occurredAt-day': text('occurredAt-day'), 'occurredAt-month': text('occurredAt-month'), 'occurredAt-year': text('occurredAt-year') }} />
        {form.occurredAt.withTime ? (
          <Input name="occurredAt-time" id="occurredAt-time" label={{ text: 'Time', classes: 'govuk-label--s' }} hint={{ text: 'For example, 09:30 or 14:15' }} classes="govuk-input--width-5"
            value={text('occurredAt-time')} />
        ) : null}
        {form.fields.map(renderField)}
        {correcting ? (
          <Textarea name={CORRECTION_REASON} id={CORRECTION_REASON} label={{ text: 'Reason for the correction', classes: 'govuk-label--s' }}
            hint={{ text: 'Say what was wrong and how you know. The entry as first recorded stays in the chronology, marked as corrected, with this reason.' }}
            errorMessage={errorOf(CORRECTION_REASON)} value={text(CORRECTION_REASON)} />
        ) : null}
        <Button text={props.submitText ?? 'Save'} disabled={submitting} preventDoubleClick />
      </form>
    </div></div>
  );
}
