import { useState } from 'react';
import { api } from '../api.ts';
import type { ChildRecord } from '../module-parts.tsx';
import { ProblemSummary, problemsFrom, useProblems } from '../forms/problems.tsx';
import { BackLink, Button, Checkboxes, Textarea } from '../govuk/index.ts';
import { navigate } from '../router.tsx';
import { roleLabel, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { setFlash } from './flash.ts';

interface Account {
  userId: string;
  displayName: string;
  role: string;
  teamId: string | null;
}

/** For those who may restrict records: restrict one, with the reason and the people who keep access. */
export function RestrictRecordPage(props: { childId: string }) {
  const { childId } = props;
  const { viewer, teamName } = useSession();
  const record = useApi<ChildRecord>(`/children/${encodeURIComponent(childId)}`);
  const accounts = useApi<{ accounts: Account[] }>('/accounts');
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : childId;
  const others = (accounts.data?.accounts ?? []).filter((account) => account.userId !== viewer?.userId);

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) { show([{ field: 'reason', message: 'Enter why this record is being restricted' }]); return; }
    setSubmitting(true);
    try {
      await api.post(`/children/${encodeURIComponent(childId)}/restriction`, { reason, namedUserIds: data.getAll('namedUserIds').map(String) });
      setFlash('Record restricted: only you and the people you named can open it. Anyone else must break the glass and give a reason.');
      navigate(`/children/${encodeURIComponent(childId)}`);
    } catch (caught) {
      show(problemsFrom(caught, ['reason', 'namedUserIds'], 'The record could not be restricted: try again'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/children/${encodeURIComponent(childId)}`} text="Back to the record" />
        <ProblemSummary problems={problems} summaryRef={summaryRef} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Restrict this record</h1>
        <p className="govuk-body">A restricted record is hidden from searches and lists. Only you and the people you name can open it; anyone else who would otherwise see it must break the glass and give a reason, and the allocated worker is alerted.</p>
        {record.error ? <p className="govuk-body" role="alert">{record.error.message}</p> : null}
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="restrict-form">
          <Textarea name="reason" id="reason" rows={3} label={{ text: 'Why is this record being restricted?', classes: 'govuk-label--m' }}
            hint={{ text: 'For example: the child is related to a member of staff' }} errorMessage={errorOf('reason')} />
          {accounts.error ? <p className="govuk-body" role="alert">{accounts.error.message}</p> : !accounts.data ? <p className="govuk-body" role="status">Loading the people you can name…</p> : (
            others.length === 0 ? <p className="govuk-body">There are no other accounts to name: only you will be able to open the record.</p> : (
              <Checkboxes name="namedUserIds" idPrefix="namedUserIds" classes="govuk-checkboxes--small" errorMessage={errorOf('namedUserIds')}
                fieldset={{ legend: { text: 'Who else may open it?', classes: 'govuk-fieldset__legend--m' } }} hint={{ text: 'You keep access. Select everyone who needs it for their work.' }}
                items={others.map((account) => ({ value: account.userId, text: `${account.displayName}, ${roleLabel(account.role).toLowerCase()}${account.teamId ? `, ${teamName(account.teamId)}` : ''}` }))} />
            )
          )}
          <Button text="Restrict the record" disabled={submitting} preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
