/**
 * Looked after's parts of a child's record: the legal status, placement, distance from home and
 * since when as a summary card, and "Care and placements": each period of care with its placements
 * over time, as a table (dates, type, provider, distance, why it ended) and, beside it, a bar of the
 * same placements for the eye (hidden from screen readers, which read the table).
 */
import { formatDate } from '../../../web/format.ts';
import { SummaryList, Table } from '../../../web/govuk/index.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { legalStatusCodes, placementProviderCodes, placementTypeCodes, reasonEpisodeCeasedCodes, reasonPlacementChangedCodes } from '../codes.ts';
import type { CarePlacement, LookedAfterReadModel, LookedAfterSummary, PeriodOfCare } from '../read-model.ts';

const words = (list: Readonly<Record<string, string>>, code: string | undefined) => (code === undefined ? '' : list[code] ?? code);

/** Where the placement is, in words: "32.2 miles from home, outside the council's area". */
export function whereOf(placement: Pick<CarePlacement, 'distanceMiles' | 'insideCouncil' | 'postcode'>): string {
  const inOut = placement.insideCouncil === undefined ? '' : placement.insideCouncil ? 'inside the council\'s area' : 'outside the council\'s area';
  if (placement.distanceMiles !== undefined) return `${placement.distanceMiles} miles from home${inOut ? `, ${inOut}` : ''}`;
  if (inOut) return `Distance from home not known, ${inOut}`;
  return placement.postcode ? 'Distance from home not known' : 'Not recorded';
}

const money = (pounds: number) => `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

interface PanelRow { key: { text: string }; value: { text: string } }
const row = (key: string, value: string): PanelRow => ({ key: { text: key }, value: { text: value } });

/** The summary card's rows for the period open now, or the latest period; null for a child never looked after. */
export function lookedAfterCardOf(part: LookedAfterSummary): { headline: string; rows: PanelRow[] } | null {
  const period = part.current ?? part.periods.at(-1);
  if (!period) return null;
  if (!part.current) {
    return {
      headline: `Looked after from ${formatDate(period.startedOn)} to ${formatDate(period.ceasedOn!)}: ${words(reasonEpisodeCeasedCodes, period.reasonCeased).toLowerCase()}`,
      rows: [],
    };
  }
  const placement = period.placements.at(-1)!;
  const secure = period.secureAccommodationOrders.filter((order) => order.endsOn === undefined || order.endsOn >= new Date().toISOString().slice(0, 10));
  return {
    headline: `Looked after since ${formatDate(period.startedOn)}`,
    rows: [
      row('Legal status', `${period.legalStatus}: ${words(legalStatusCodes, period.legalStatus)}, since ${formatDate(period.legalStatusSince)}`),
      row('Placement', `${placement.type}: ${words(placementTypeCodes, placement.type)}, since ${formatDate(placement.startedOn)}`),
      row('Provider', [placement.providerName, placement.provider ? words(placementProviderCodes, placement.provider) : 'None (a temporary move)'].filter(Boolean).join(', ')),
      row('Where', whereOf(placement)),
      row('Weekly cost', placement.weeklyCost !== undefined ? money(placement.weeklyCost) : 'Not recorded'),
      ...(period.unaccompaniedAsylumSeeking ? [row('Unaccompanied asylum-seeking child', period.uascCeasedOn ? `Until ${formatDate(period.uascCeasedOn)}` : 'Yes')] : []),
      ...(secure.length > 0 ? [row('Secure accommodation order', secure.map((order) => `Made ${formatDate(order.madeOn)}${order.endsOn ? `, to ${formatDate(order.endsOn)}` : ''}`).join('; '))] : []),
      row('Placements in this period', String(period.placements.length)),
    ],
  };
}

/** A period's placements as table rows: dates, type, provider, where, why it ended. */
export function placementRowsOf(period: PeriodOfCare): string[][] {
  return period.placements.map((placement) => [
    formatDate(placement.startedOn),
    placement.endedOn ? formatDate(placement.endedOn) : 'Now',
    `${placement.type}: ${words(placementTypeCodes, placement.type)}`,
    [placement.providerName, placement.provider ? words(placementProviderCodes, placement.provider) : 'None (a temporary move)'].filter(Boolean).join(', '),
    whereOf(placement),
    placement.reasonChanged
      ? `${words(reasonPlacementChangedCodes, placement.reasonChanged)}${placement.nextWithSameCarer ? ' (same carer)' : ''}`
      : placement.endedOn ? words(reasonEpisodeCeasedCodes, period.reasonCeased) : '',
  ]);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Each placement's share of the period, for the bar. */
function barOf(period: PeriodOfCare): { type: string; share: number; label: string }[] {
  const end = period.ceasedOn ?? new Date().toISOString().slice(0, 10);
  const whole = Math.max(1, dayNumber(end) - dayNumber(period.startedOn));
  return period.placements.map((placement) => ({
    type: placement.type,
    share: Math.max(0.5, (100 * (dayNumber(placement.endedOn ?? end) - dayNumber(placement.startedOn))) / whole),
    label: `${placement.type} from ${formatDate(placement.startedOn)}`,
  }));
}

type LookedAfterShown = RecordKernel & LookedAfterReadModel;

export function LookedAfterCard(props: RecordPartProps<LookedAfterShown>) {
  const card = lookedAfterCardOf(props.record.lookedAfter);
  if (!card) return null;
  return (
    <SummaryList card={{ title: { text: 'Looked after' }, attributes: { 'data-testid': 'looked-after-card' } }} rows={[
      { key: { text: 'Now' }, value: { text: card.headline } }, ...card.rows,
    ]} />
  );
}

const barColours: Record<string, string> = { U: '#1d70b8', K: '#d4351c', A: '#00703c', T: '#b1b4b6', P: '#f47738', R: '#4c2c92', S: '#912b88', Z: '#505a5f' };

/** Care and placements: every period of care, the latest first, with its placements over time. */
export function CareAndPlacements(props: RecordPartProps<LookedAfterShown>) {
  const { periods } = props.record.lookedAfter;
  if (periods.length === 0) return <p className="govuk-body">The child has not been looked after.</p>;
  return (
    <>
      {[...periods].reverse().map((period) => (
        <section key={period.periodId} className="govuk-!-margin-bottom-8" data-testid="period-of-care">
          <h2 className="govuk-heading-m">
            {period.ceasedOn ? `Looked after from ${formatDate(period.startedOn)} to ${formatDate(period.ceasedOn)}` : `Looked after since ${formatDate(period.startedOn)}`}
          </h2>
          <p className="govuk-body">
            Legal status {period.legalStatus} ({words(legalStatusCodes, period.legalStatus).toLowerCase()}) since {formatDate(period.legalStatusSince)}.
            {period.ceasedOn ? ` Ended: ${words(reasonEpisodeCeasedCodes, period.reasonCeased).toLowerCase()}.` : ''}
          </p>
          <svg aria-hidden="true" focusable="false" className="govuk-!-margin-bottom-4" width="100%" height="24" viewBox="0 0 100 6" preserveAspectRatio="none" data-testid="placements-bar">
            {barOf(period).map((part, index, parts) => {
              const x = parts.slice(0, index).reduce((sum, earlier) => sum + earlier.share, 0);
              return <rect key={index} x={x} y={0} width={part.share} height={6} fill={barColours[part.type[0]!] ?? '#505a5f'} stroke="#ffffff" strokeWidth={0.3}><title>{part.label}</title></rect>;
            })}
          </svg>
          <Table caption="Placements, the earliest first" captionClasses="govuk-table__caption--s" classes="govuk-!-font-size-16 app-break-anywhere" attributes={{ 'data-testid': 'placements' }}
            head={['From', 'To', 'Placement', 'Provider', 'Where', 'Why it ended'].map((text) => ({ text }))}
            rows={placementRowsOf(period).map((cells) => cells.map((text, column) => ({ text, ...(column < 2 ? { classes: 'app-nowrap' } : {}) })))} />
        </section>
      ))}
    </>
  );
}
