/** The record's Management oversight view: each discussion of the child's case in a worker's supervision, the latest first. */
import { formatDate } from '../../../web/format.ts';
import { useSession } from '../../../web/session.tsx';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import type { SupervisionReadModel } from '../read-model.ts';

export function OversightView(props: RecordPartProps<RecordKernel & Partial<SupervisionReadModel>>) {
  const { workerName } = useSession();
  const discussions = props.record.caseDiscussions;
  // A partner agency's view of the record leaves supervision out; the view's first part says so.
  if (!discussions) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Discussed in supervision</h2>
      {discussions.length === 0 ? <p className="govuk-body">The child's case has not been discussed in supervision.</p> : discussions.map((d) => (
        <div key={d.discussionId} className="govuk-summary-card" data-testid="case-discussion">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{formatDate(d.heldOn)}: {workerName(d.workerId)}, supervised by {workerName(d.supervisorWorkerId)}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Discussed</dt><dd className="govuk-summary-list__value">{d.discussion}</dd></div>
              {d.decisions ? <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Decided</dt><dd className="govuk-summary-list__value">{d.decisions}</dd></div> : null}
            </dl>
          </div>
        </div>
      ))}
    </>
  );
}
