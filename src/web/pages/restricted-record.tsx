import { useState } from 'react';
import { api } from '../api.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../forms/problems.tsx';
import { Button, Textarea, WarningText } from '../govuk/index.ts';

/**
 * A restricted record the reader is not named on: it says so, and lets them break the glass with
 * their reason (which the server requires, keeps on the access log, and sends to the allocated worker).
 */
export function RestrictedRecord(props: { childId: string; onOpened: (expiresAt: string) => void }) {
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (form: HTMLFormElement) => {
    const reason = String(new FormData(form).get('reason') ?? '').trim();
    if (!reason) { show([{ field: 'reason', message: 'Enter why you need to open this record' }]); return; }
    setSubmitting(true);
    try {
      const opened = await api.post<{ expiresAt: string }>(`/children/${encodeURIComponent(props.childId)}/break-glass`, { reason });
      props.onOpened(opened.expiresAt);
    } catch (caught) {
      show(problemsFrom(caught, ['reason'], 'The record could not be opened: try again'));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <div className="govuk-grid-row" data-testid="restricted-record">
      <div className="govuk-grid-column-two-thirds">
        <ProblemSummary problems={problems} summaryRef={summaryRef} />
        <span className="govuk-caption-l">{props.childId}</span>
        <h1 className="govuk-heading-l">This record is restricted</h1>
        <p className="govuk-body">Only the people named on this record can open it, for example because the child is related to a member of staff.</p>
        <p className="govuk-body">If you need it for your work now, you can break the glass: the record opens for you for 24 hours.</p>
        <WarningText text="The child's allocated worker will be alerted, and your name and reason are kept on the record's access log." />
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="break-glass-form">
          <Textarea name="reason" id="reason" label={{ text: 'Why do you need to open this record?', classes: 'govuk-label--m' }}
            hint={{ text: 'Give your reason in a sentence, for example: duty cover tonight, the child has been reported missing' }} errorMessage={errorOf('reason')} rows={3} />
          <Button text="Break the glass and open the record" classes="govuk-button--warning" disabled={submitting} preventDoubleClick />
        </form>
        <p className="govuk-body"><a className="govuk-link" href="/children">Find another child</a></p>
      </div>
    </div>
  );
}
