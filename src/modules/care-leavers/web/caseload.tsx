/**
 * A personal adviser's caseload: the young people allocated to them with leaving care support open,
 * each with the next personal adviser contact, the next pathway plan review and the next birthday
 * contact due, the most overdue first. Read from the API the web app already uses: the children by
 * involvement, the duties due, and each young person's record for their birthday contacts. The same
 * birthday contacts are shown in My work, beside the duties (the engine's clocks cannot start on a
 * birthday, so they are not duties).
 */
import { useEffect } from 'react';
import type { DueItem, DueList } from '../../../duties/read-model.ts';
import type { ChildListItem } from '../../../record/read-model.ts';
import { formatDate, urgencyOf } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { Link } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { MyWorkPart, MyWorkScope, WorklistPage } from '../../../web/web-module.ts';
import { birthdayContactsOf, nextBirthdayContactOf } from '../birthday-contacts.ts';
import type { CareLeaversReadModel } from '../read-model.ts';
import { ADVISER_CONTACT_RULE, PATHWAY_PLAN_RULE, PATHWAY_REVIEW_RULE } from '../timescales.ts';
import { birthdayDueWords } from './record-panel.tsx';

type CaseloadChild = Pick<ChildListItem, 'childId' | 'forename' | 'surname' | 'dateOfBirth' | 'involvements' | 'allocatedWorkerId' | 'allocatedTeamId'>;
type CaseloadDuty = Pick<DueItem, 'childId' | 'ruleId' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy' | 'unit'>;

export interface CaseloadRow {
  childId: string;
  name: string;
  contact: CaseloadDuty | null;
  review: CaseloadDuty | null;
  /** Overdue duties first, then the nearest due. */
  urgency: number;
}

const open = (duty: CaseloadDuty) => duty.state === 'open' || duty.state === 'overdue';

/** The caseload from the care leavers listed and the duties due: those allocated to the worker (or the team), the most overdue first. */
export function caseloadOf(children: readonly CaseloadChild[], duties: readonly CaseloadDuty[], scope: Pick<MyWorkScope, 'scope' | 'workerId' | 'teamId'>): CaseloadRow[] {
  const mine = children.filter((child) => child.involvements.some((involvement) => involvement.kind === 'care-leaver')
    && (scope.scope === 'team' ? child.allocatedTeamId === scope.teamId : child.allocatedWorkerId === scope.workerId));
  const nextOf = (childId: string, rules: readonly string[]) => duties.filter((duty) => duty.childId === childId && rules.includes(duty.ruleId) && open(duty))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
  return mine.map((child): CaseloadRow => {
    const contact = nextOf(child.childId, [ADVISER_CONTACT_RULE]);
    const review = nextOf(child.childId, [PATHWAY_PLAN_RULE, PATHWAY_REVIEW_RULE]);
    const dues = [contact, review].filter((duty): duty is CaseloadDuty => duty !== null);
    const overdue = dues.some((duty) => duty.state === 'overdue');
    const earliest = dues.map((duty) => duty.dueOn).sort()[0];
    return {
      childId: child.childId, name: `${child.forename} ${child.surname}`, contact, review,
      urgency: (overdue ? 0 : 1e9) + (earliest ? Date.parse(earliest) / 86_400_000 : 5e8),
    };
  }).sort((a, b) => a.urgency - b.urgency || a.name.localeCompare(b.name));
}

function DueCell(props: { duty: CaseloadDuty | null; none: string }) {
  if (!props.duty) return <>{props.none}</>;
  const tag = urgencyOf(props.duty);
  return <><span className="app-nowrap">{formatDate(props.duty.dueOn)}</span> <Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} /></>;
}

/** The young person's next birthday contact, read from their record. */
function BirthdayCell(props: { childId: string }) {
  const record = useApi<CareLeaversReadModel & { details?: { dateOfBirth?: string }; asAt: string }>(`/children/${encodeURIComponent(props.childId)}`);
  const support = record.data?.leavingCare;
  const dateOfBirth = record.data?.details?.dateOfBirth;
  if (!support || !dateOfBirth) return <>{record.loading ? 'Loading…' : 'Not known'}</>;
  const next = nextBirthdayContactOf(birthdayContactsOf(support, dateOfBirth, record.data!.asAt.slice(0, 10)));
  if (!next) return <>None due</>;
  return <>{birthdayDueWords(next)}{next.state === 'overdue' ? <> <Tag text="Overdue" classes="govuk-tag--red" /></> : next.state === 'due' ? <> <Tag text="Due now" classes="govuk-tag--orange" /></> : null}</>;
}

function CaseloadTable(props: { rows: CaseloadRow[]; caption: string }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <table className="govuk-table govuk-!-font-size-16" data-testid="care-leaver-caseload">
        <caption className="govuk-table__caption govuk-visually-hidden">{props.caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Young person</th>
            <th scope="col" className="govuk-table__header">Next contact due</th>
            <th scope="col" className="govuk-table__header">Pathway plan review due</th>
            <th scope="col" className="govuk-table__header">Birthday contact</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {props.rows.map((row) => (
            <tr key={row.childId} className="govuk-table__row">
              <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.childId)}/leaving-care`}>{row.name}</Link></td>
              <td className="govuk-table__cell"><DueCell duty={row.contact} none="Nothing due" /></td>
              <td className="govuk-table__cell"><DueCell duty={row.review} none="Nothing due" /></td>
              <td className="govuk-table__cell"><BirthdayCell childId={row.childId} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function useCaseload(scope: MyWorkScope) {
  const children = useApi<{ children: ChildListItem[] }>('/children?involvement=care-leaver&limit=500');
  const duties = useApi<DueList>(scope.scope === 'team' ? (scope.teamId ? `/duties?teamId=${encodeURIComponent(scope.teamId)}` : null) : scope.workerId ? `/duties?workerId=${encodeURIComponent(scope.workerId)}` : null);
  const rows = children.data && duties.data ? caseloadOf(children.data.children, duties.data.duties, scope) : undefined;
  return { rows, error: children.error ?? duties.error };
}

/** The personal adviser's caseload page. */
function CaseloadPage() {
  const { viewer } = useSession();
  const scope: MyWorkScope = { scope: 'mine', workerId: viewer?.workerId ?? null, teamId: viewer?.teamId ?? null };
  const { rows, error } = useCaseload(scope);
  useEffect(() => { if (rows) markReady('care-leavers'); }, [rows]);
  const overdue = rows?.filter((row) => row.contact?.state === 'overdue' || row.review?.state === 'overdue').length ?? 0;
  return (
    <>
      <h1 className="govuk-heading-l">My care leavers</h1>
      {error ? <p className="govuk-error-message">{error.message}</p> : null}
      {!rows ? (error ? null : <p className="govuk-body">Loading…</p>) : rows.length === 0 ? <p className="govuk-body">No care leavers are allocated to you.</p> : (
        <>
          <p className="govuk-body-l" data-testid="care-leaver-caseload-summary">
            <strong>{rows.length}</strong> {rows.length === 1 ? 'young person' : 'young people'} allocated to you, <strong>{overdue}</strong> with a contact or review overdue.
          </p>
          <CaseloadTable rows={rows} caption="Care leavers allocated to you, the most overdue first" />
        </>
      )}
    </>
  );
}

/** In My work: the care leavers allocated, with their birthday contacts (which are not duties). */
function CareLeaversMyWork(props: MyWorkScope) {
  const { rows } = useCaseload(props);
  if (!rows || rows.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Care leavers</h2>
      <CaseloadTable rows={rows} caption="Care leavers allocated, with contacts, reviews and birthday contacts due" />
    </>
  );
}

export const careLeaversCaseload: WorklistPage = { path: 'my-care-leavers', title: 'My care leavers', councilOnly: true, Page: CaseloadPage };
export const careLeaversMyWork: MyWorkPart = { title: 'Care leavers', Part: CareLeaversMyWork };
