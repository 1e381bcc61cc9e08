/**
 * Adoption's parts of a child's record: the stage the adoption plan has reached (decision,
 * placement order, matched, placed, adopted) or the order that gave the child permanence, with
 * what is due next, as a summary card; and every plan, order and previous permanence as the
 * "Adoption and permanence" view.
 */
import type { DutyOut } from '../../../record/read-model.ts';
import { formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { SummaryList, Table, Tag } from '../../../web/govuk/index.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import {
  adoptersLegalStatusCodes, adoptersSexCodes, adoptionPlacementCodes, permanenceOrderCodes, previousPermanenceCodes, reasonPlacedCeasedCodes,
} from '../codes.ts';
import type { AdoptionPlan, AdoptionReadModel, AdoptionSummary, PermanenceOrder } from '../read-model.ts';
import { returnDateOf } from '../state.ts';
import { adoptionTimescaleRules } from '../timescales.ts';

interface PanelRow {
  key: { text: string };
  value: { text: string };
}

type DueDuty = Pick<DutyOut, 'ruleId' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy'> & { unit?: string };

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);
const row = (key: string, value: string): PanelRow => ({ key: { text: key }, value: { text: value } });

/** The stages of an adoption plan in order, as the card shows them. */
export const adoptionStageWords: Readonly<Record<AdoptionPlan['stage'], string>> = {
  decision: 'Decision to place for adoption',
  'placement-order': 'Placement order made',
  matched: 'Matched with adopters',
  placed: 'Placed for adoption',
  adopted: 'Adopted',
  reversed: 'Decision to place for adoption reversed',
};

/** What each adoption duty asks for, in a few words: "Match due 30 June 2023". */
const dueWords: Readonly<Record<(typeof adoptionTimescaleRules)[number]['id'], string>> = {
  'adoption-match-within-121-days-of-placement-order': 'Match due',
  'adoption-placed-within-426-days-of-entering-care': 'Placement with the adoptive family due',
};
const ruleIds = new Set<string>(Object.keys(dueWords));

function planRows(plan: AdoptionPlan): PanelRow[] {
  const match = plan.match;
  return [
    row('Decision to place', `${formatDate(plan.decidedOn)}${plan.fosteringForAdoption ? ' (fostering for adoption)' : ''}`),
    ...(plan.enteredCareOn ? [row('Entered care', formatDate(plan.enteredCareOn))] : []),
    row('Placement order', plan.placementOrderGrantedOn ? formatDate(plan.placementOrderGrantedOn) : plan.placementOrderAppliedOn ? `Applied for ${formatDate(plan.placementOrderAppliedOn)}` : 'None'),
    row('Matched', match ? `${formatDate(match.matchedOn)}: ${words(adoptersSexCodes, match.adoptersSex).toLowerCase()}, ${words(adoptersLegalStatusCodes, match.adoptersLegalStatus).toLowerCase()}${match.fosterCarers ? ', the child\'s foster carers' : ''}` : 'Not yet'),
    row('Placed for adoption', plan.placedOn ? `${formatDate(plan.placedOn)}: ${words(adoptionPlacementCodes, plan.placement).toLowerCase()}` : 'Not yet'),
    ...(plan.adoptionOrderOn ? [row('Adoption order', `${formatDate(plan.adoptionOrderOn)}${plan.reasonCeased === 'E12' ? ', consent dispensed with' : ''}`)] : []),
    ...(plan.reversedOn ? [row('Decision reversed', `${formatDate(plan.reversedOn)}: ${words(reasonPlacedCeasedCodes, plan.reversalReason).toLowerCase()}`)] : []),
  ];
}

const orderText = (order: PermanenceOrder) => `${words(permanenceOrderCodes, order.order)} made ${formatDate(order.madeOn)}, to ${order.relativeOrFriend ? 'a relative or friend' : 'someone not a relative or friend'}${order.formerFosterCarers ? ' who had fostered the child' : ''}`;

export interface AdoptionPanel {
  /** The stage in words: "Placement order made", "Adopted", "Special guardianship order". */
  stage: string;
  since: string;
  next: { title: string; dueOn: string; tag: UrgencyTag } | null;
  rows: PanelRow[];
}

/** The card for the open plan or, without one, the latest plan or order; null for a child with neither. */
export function adoptionPanelOf(part: AdoptionSummary, duties: readonly DueDuty[] = []): AdoptionPanel | null {
  const plan = part.current ?? part.plans.at(-1);
  const order = part.permanenceOrders.at(-1);
  if (order && (!plan || order.madeOn >= (plan.adoptionOrderOn ?? plan.reversedOn ?? plan.decidedOn))) {
    return { stage: words(permanenceOrderCodes, order.order), since: order.madeOn, next: null, rows: [row('Order', orderText(order)), ...(order.carersName ? [row('Made to', order.carersName)] : [])] };
  }
  if (!plan) return null;
  const due = part.current === null ? undefined : duties.filter((duty) => ruleIds.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const since = { decision: plan.decidedOn, 'placement-order': plan.placementOrderGrantedOn, matched: plan.match?.matchedOn, placed: plan.placedOn, adopted: plan.adoptionOrderOn, reversed: plan.reversedOn }[plan.stage] ?? plan.decidedOn;
  return {
    stage: adoptionStageWords[plan.stage], since, rows: planRows(plan),
    next: due ? { title: dueWords[due.ruleId as keyof typeof dueWords], dueOn: due.dueOn, tag: urgencyOf(due) } : null,
  };
}

/** A partner agency's view of the record leaves adoption out (src/record/partner-view.ts). */
type AdoptionShown = RecordKernel & Partial<AdoptionReadModel>;

const dutiesOf = (record: RecordKernel): DueDuty[] => record.duties.map((duty) => ({ ...duty, unit: typeof duty.unit === 'string' ? duty.unit : undefined }));

/** The card beside what is due: where the adoption plan stands, or the order that gave permanence. */
export function AdoptionCard(props: RecordPartProps<AdoptionShown>) {
  const part = props.record.adoption;
  const panel = part ? adoptionPanelOf(part, dutiesOf(props.record)) : null;
  if (!panel) return null;
  return (
    <SummaryList card={{ title: { text: 'Adoption and permanence' }, attributes: { 'data-testid': 'adoption-card' } }} rows={[
      { key: { text: 'Stage' }, value: { children: <><strong data-testid="adoption-stage">{panel.stage}</strong>{` since ${formatDate(panel.since)}`}</> } },
      panel.next ? {
        key: { text: 'Next due' },
        value: { children: <>{panel.next.title} {formatDate(panel.next.dueOn)} <Tag text={panel.next.tag.text} classes={`govuk-tag--${panel.next.tag.colour}`} /></> },
      } : null,
      ...panel.rows,
    ]} />
  );
}

/** Every decision to place and what followed, the orders that gave permanence, and the child's previous permanence. */
export function AdoptionAndPermanence(props: RecordPartProps<AdoptionShown>) {
  const part = props.record.adoption;
  if (!part) return <p className="govuk-body">Adoption and permanence is not part of the view of the record shared with your agency.</p>;
  const nothing = part.plans.length === 0 && part.permanenceOrders.length === 0 && part.previousPermanence.length === 0;
  if (nothing) return <p className="govuk-body">Nothing about adoption or permanence is recorded for this child.</p>;
  return (
    <>
      {part.plans.length > 0 ? (
        <Table caption="Decisions to place for adoption, the earliest first" captionClasses="govuk-table__caption--m" attributes={{ 'data-testid': 'adoption-plans' }}
          head={['Decided', 'Placement order', 'Matched', 'Placed', 'Now'].map((text) => ({ text }))}
          rows={part.plans.map((plan) => [
            formatDate(plan.decidedOn), formatDate(plan.placementOrderGrantedOn) || 'None', formatDate(plan.match?.matchedOn) || 'Not yet', formatDate(plan.placedOn) || 'Not yet',
            adoptionStageWords[plan.stage],
          ].map((text) => ({ text })))} />
      ) : null}
      {part.permanenceOrders.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Orders that gave the child permanence</h2>
          <ul className="govuk-list govuk-list--bullet">{part.permanenceOrders.map((order) => <li key={order.orderId}>{orderText(order)}</li>)}</ul>
        </>
      ) : null}
      {part.previousPermanence.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Previous permanence</h2>
          <ul className="govuk-list govuk-list--bullet">
            {part.previousPermanence.map((record) => (
              <li key={record.recordId}>
                {`Recorded ${formatDate(record.recordedOn)}: ${words(previousPermanenceCodes, record.previousPermanence)}`}
                {record.localAuthority ? `, arranged by council ${record.localAuthority}` : ''}
                {record.orderDate ? `, order dated ${returnDateOf(record.orderDate)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
