/**
 * The record's "Merge a duplicate" view (/children/{id}/merge): for a team or service manager, merge
 * another record of the same child into this one (this record is kept), after checking the two are
 * the same child; and the merges into this record, each of which can be undone with a reason.
 * Everyone else sees the merges only.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../web/api.ts';
import { formatDate, formatDateTime } from '../../../web/format.ts';
import { Button, ErrorSummary, Input, NotificationBanner, SummaryList, Textarea, WarningText } from '../../../web/govuk/index.ts';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/use-api.ts';
import type { RecordPartProps, RecordKernel } from '../../../web/web-module.ts';
import type { ChildMerges, IdentityMatch, MergeOut } from '../read-model.ts';

interface Problem { field: string; message: string }

const problemsOf = (caught: unknown, field: string): Problem[] =>
  caught instanceof ApiError && caught.problems.length > 0
    ? caught.problems.map((p) => ({ field: p.field.replace(/^body\./, ''), message: p.message }))
    : [{ field, message: caught instanceof Error ? caught.message : String(caught) }];
const errorFor = (problems: Problem[], field: string) => {
  const problem = problems.find((p) => p.field === field);
  return problem ? { text: problem.message } : undefined;
};

function identityRows(child: Pick<IdentityMatch, 'forename' | 'surname' | 'childId' | 'dateOfBirth' | 'known'>) {
  return [
    { key: { text: 'Name' }, value: { text: `${child.forename} ${child.surname}` } },
    { key: { text: 'LA child id' }, value: { text: child.childId } },
    { key: { text: 'Date of birth' }, value: { text: child.dateOfBirth ? formatDate(child.dateOfBirth) : 'Not known' } },
    { key: { text: 'Known to' }, value: { text: child.known.length > 0 ? child.known.join(', ') : 'Known, no open work' } },
  ];
}

export function MergeView(props: RecordPartProps<RecordKernel & { details?: { forename: string; surname: string; dateOfBirth?: string } }>) {
  const { record } = props;
  const { viewer } = useSession();
  const merges = useApi<ChildMerges>(`/children/${encodeURIComponent(record.childId)}/merges`);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [duplicate, setDuplicate] = useState<IdentityMatch>();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState(false);
  const mayMerge = viewer?.permissions.capabilities.includes('merge-records') ?? false;
  useEffect(() => { setProblems([]); }, [duplicate]);

  const check = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const childId = String(data.get('duplicateChildId') ?? '').trim().toUpperCase();
    const given = String(data.get('reason') ?? '').trim();
    const found: Problem[] = [];
    if (!childId) found.push({ field: 'duplicateChildId', message: 'Enter the LA child id of the duplicate record' });
    else if (childId === record.childId.toUpperCase()) found.push({ field: 'duplicateChildId', message: 'Enter the LA child id of the other record, not this one' });
    if (!given) found.push({ field: 'reason', message: 'Enter why these records are the same child' });
    if (found.length > 0) { setProblems(found); return; }
    try {
      const answer = await api.get<{ children: IdentityMatch[] }>(`/identity/children?childId=${encodeURIComponent(childId)}`);
      const match = answer.children[0];
      if (!match || !match.inScope) { setProblems([{ field: 'duplicateChildId', message: `You cannot open a record with LA child id ${childId}: check the id` }]); return; }
      setReason(given);
      setDuplicate(match);
    } catch (caught) {
      setProblems(problemsOf(caught, 'duplicateChildId'));
    }
  };
  const merge = async () => {
    if (!duplicate) return;
    setSending(true);
    try {
      const merged = await api.post<MergeOut>('/merges', { mergedChildId: duplicate.childId, survivingChildId: record.childId, reason });
      setDone(`${duplicate.forename} ${duplicate.surname} (${duplicate.childId}) has been merged into this record: ${merged.copiedEvents} ${merged.copiedEvents === 1 ? 'event was' : 'events were'} copied here`);
      setDuplicate(undefined);
      merges.reload();
    } catch (caught) {
      setProblems(problemsOf(caught, 'merge'));
    } finally {
      setSending(false);
    }
  };
  const undo = async (mergeId: string, form: HTMLFormElement) => {
    const given = String(new FormData(form).get(`undo-${mergeId}`) ?? '').trim();
    if (!given) { setProblems([{ field: `undo-${mergeId}`, message: 'Enter why the merge is being undone' }]); return; }
    try {
      await api.post(`/merges/${mergeId}/reversal`, { reason: given });
      setDone('The merge has been undone: the copied events are voided here, and the other record is open again');
      setProblems([]);
      merges.reload();
    } catch (caught) {
      setProblems(problemsOf(caught, `undo-${mergeId}`));
    }
  };
  const here = record.details ? { forename: record.details.forename, surname: record.details.surname, childId: record.childId, dateOfBirth: record.details.dateOfBirth ?? null, known: [] as string[] } : undefined;
  return (
    <>
      {done ? <NotificationBanner type="success" text={done} /> : null}
      {problems.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={problems.map((p) => ({ text: p.message, href: `#${p.field}` }))} /> : null}
      <h2 className="govuk-heading-m">Merge a duplicate record into this one</h2>
      {!mayMerge ? <p className="govuk-body">Only a team manager or a service manager can merge records. If this child has two records, tell your manager.</p> : duplicate && here ? (
        <section aria-labelledby="check-heading" data-testid="merge-check">
          <h3 className="govuk-heading-s" id="check-heading">Check these are the same child</h3>
          <WarningText text={`Every event on ${duplicate.childId} will be copied to this record, and ${duplicate.childId} will then only say where it went. You can undo this.`} iconFallbackText="Warning" />
          <h4 className="govuk-heading-s">The duplicate</h4>
          <SummaryList rows={identityRows(duplicate)} />
          <h4 className="govuk-heading-s">This record, which is kept</h4>
          <SummaryList rows={identityRows({ ...here, known: record.involvements?.map((i) => i.label) ?? [] })} />
          <div className="govuk-button-group">
            <Button text="Merge the records" disabled={sending} preventDoubleClick onClick={() => void merge()} />
            <a className="govuk-link" href={`/children/${record.childId}/merge`} onClick={(event) => { event.preventDefault(); setDuplicate(undefined); }}>Cancel</a>
          </div>
        </section>
      ) : (
        <form onSubmit={(event) => { event.preventDefault(); void check(event.currentTarget); }} noValidate>
          <Input id="duplicateChildId" name="duplicateChildId" classes="govuk-input--width-20" spellcheck={false} autocomplete="off"
            label={{ text: 'LA child id of the duplicate record', classes: 'govuk-label--s' }} hint={{ text: 'Its events are copied to this record, which is kept' }}
            errorMessage={errorFor(problems, 'duplicateChildId')} />
          <Textarea id="reason" name="reason" value={reason} label={{ text: 'Why are these the same child?', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, registered again at a second contact: same name, date of birth and address' }} errorMessage={errorFor(problems, 'reason')} />
          <Button text="Continue" />
        </form>
      )}
      {merges.data && merges.data.mergedFrom.length > 0 ? (
        <section aria-labelledby="merges-heading" data-testid="merges">
          <h2 className="govuk-heading-m" id="merges-heading">Records merged into this one</h2>
          {merges.data.mergedFrom.map((merge) => (
            <div key={merge.mergeId} className="govuk-!-margin-bottom-6">
              <SummaryList rows={[
                { key: { text: 'Duplicate record' }, value: { text: merge.mergedChildId } },
                { key: { text: 'Merged' }, value: { text: `${formatDateTime(merge.mergedAt)} by ${merge.mergedBy}: ${merge.copiedEvents} events copied` } },
                { key: { text: 'Reason' }, value: { text: merge.reason } },
                ...(merge.reversed ? [{ key: { text: 'Undone' }, value: { text: `${formatDateTime(merge.reversed.reversedAt)} by ${merge.reversed.reversedBy}: ${merge.reversed.reason}` } }] : []),
              ]} />
              {!merge.reversed && mayMerge ? (
                <form onSubmit={(event) => { event.preventDefault(); void undo(merge.mergeId, event.currentTarget); }} noValidate>
                  <Textarea id={`undo-${merge.mergeId}`} name={`undo-${merge.mergeId}`} rows={2} label={{ text: `Why undo the merge of ${merge.mergedChildId}?`, classes: 'govuk-label--s' }}
                    errorMessage={errorFor(problems, `undo-${merge.mergeId}`)} />
                  <Button text="Undo this merge" classes="govuk-button--warning" />
                </form>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
