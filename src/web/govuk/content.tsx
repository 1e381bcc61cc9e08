import type { ReactNode } from 'react';
import { attributeProps, classNames, contentProps, escapeHtml, hasContent, type Attributes, type TextOrHtml } from './attributes.ts';

type Common = { classes?: string; attributes?: Attributes };

export function Tag(props: TextOrHtml & Common) {
  return <strong className={classNames('govuk-tag', props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}

export function InsetText(props: TextOrHtml & Common & { id?: string }) {
  return <div id={props.id || undefined} className={classNames('govuk-inset-text', props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}

export function WarningText(props: TextOrHtml & Common & { iconFallbackText?: string }) {
  return (
    <div className={classNames('govuk-warning-text', props.classes)} {...attributeProps(props.attributes)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
      {props.children === undefined && props.html ? (
        <strong className="govuk-warning-text__text" dangerouslySetInnerHTML={{ __html: `<span class="govuk-visually-hidden">${escapeHtml(props.iconFallbackText || 'Warning')}</span> ${props.html}` }} />
      ) : (
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{props.iconFallbackText || 'Warning'}</span>
          {props.children ?? props.text}
        </strong>
      )}
    </div>
  );
}

export function Details(props: TextOrHtml & Common & { id?: string; open?: boolean; summaryText?: string; summaryHtml?: string }) {
  return (
    <details id={props.id || undefined} className={classNames('govuk-details', props.classes)} {...attributeProps(props.attributes)} open={props.open || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text" {...contentProps({ html: props.summaryHtml, text: props.summaryText })} />
      </summary>
      <div className="govuk-details__text" {...contentProps(props)} />
    </details>
  );
}

export function Panel(props: TextOrHtml & Common & { titleText?: string; titleHtml?: string; headingLevel?: number }) {
  const Heading = `h${props.headingLevel || 1}` as 'h1';
  return (
    <div className={classNames('govuk-panel', !props.classes?.includes('govuk-panel--interruption') && 'govuk-panel--confirmation', props.classes)} {...attributeProps(props.attributes)}>
      <Heading className="govuk-panel__title" {...contentProps({ html: props.titleHtml, text: props.titleText })} />
      {hasContent(props) ? <div className="govuk-panel__body" {...contentProps(props)} /> : null}
    </div>
  );
}

export interface NotificationBannerProps extends TextOrHtml, Common {
  type?: string;
  role?: string;
  titleText?: string;
  titleHtml?: string;
  titleId?: string;
  titleHeadingLevel?: number;
  disableAutoFocus?: boolean;
}

export function NotificationBanner(props: NotificationBannerProps) {
  const success = props.type === 'success';
  const role = props.role || (success ? 'alert' : 'region');
  const titleId = props.titleId || 'govuk-notification-banner-title';
  const Heading = `h${props.titleHeadingLevel || 2}` as 'h2';
  const title = props.titleHtml ? { html: props.titleHtml } : { text: props.titleText || (success ? 'Success' : 'Important') };
  return (
    <div
      className={classNames('govuk-notification-banner', success && 'govuk-notification-banner--success', props.classes)}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={props.disableAutoFocus === undefined ? undefined : String(props.disableAutoFocus)}
      {...attributeProps(props.attributes)}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId} {...contentProps(title)} />
      </div>
      {props.children === undefined && props.html
        ? <div className="govuk-notification-banner__content" dangerouslySetInnerHTML={{ __html: props.html }} />
        : (
          <div className="govuk-notification-banner__content">
            {props.children !== undefined ? props.children : props.text ? <p className="govuk-notification-banner__heading">{props.text}</p> : null}
          </div>
        )}
    </div>
  );
}

export interface ErrorSummaryItem extends TextOrHtml {
  href?: string;
  attributes?: Attributes;
}

export interface ErrorSummaryProps extends Common {
  titleText?: string;
  titleHtml?: string;
  descriptionText?: string;
  descriptionHtml?: string;
  errorList?: ErrorSummaryItem[];
  disableAutoFocus?: boolean;
  children?: ReactNode;
}

export function ErrorSummary(props: ErrorSummaryProps) {
  const description = props.children ?? (props.descriptionHtml ? <span dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} /> : props.descriptionText);
  return (
    <div
      className={classNames('govuk-error-summary', props.classes)}
      data-disable-auto-focus={props.disableAutoFocus === undefined ? undefined : String(props.disableAutoFocus)}
      {...attributeProps(props.attributes)}
      data-module="govuk-error-summary"
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title" {...contentProps({ html: props.titleHtml, text: props.titleText })} />
        <div className="govuk-error-summary__body">
          {props.children === undefined && props.descriptionHtml ? <p dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} /> : description ? <p>{description}</p> : null}
          {props.errorList && props.errorList.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {props.errorList.map((item, index) => (
                item.href
                  ? <li key={index}><a href={item.href} {...attributeProps(item.attributes)} {...contentProps(item)} /></li>
                  : <li key={index} {...contentProps(item)} />
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export interface TableCell extends TextOrHtml {
  format?: 'numeric';
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: Attributes;
}

export interface TableProps extends Common {
  caption?: string;
  captionClasses?: string;
  head?: TableCell[];
  rows: (TableCell[] | null | false | undefined)[];
  firstCellIsHeader?: boolean;
}

export function Table(props: TableProps) {
  return (
    <table className={classNames('govuk-table', props.classes)} {...attributeProps(props.attributes)}>
      {props.caption ? <caption className={classNames('govuk-table__caption', props.captionClasses)}>{props.caption}</caption> : null}
      {props.head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {props.head.map((cell, index) => (
              <th key={index} scope="col" className={classNames('govuk-table__header', cell.format && `govuk-table__header--${cell.format}`, cell.classes)}
                colSpan={cell.colspan || undefined} rowSpan={cell.rowspan || undefined} {...attributeProps(cell.attributes)} {...contentProps(cell)} />
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {props.rows.map((row, rowIndex) => row ? (
          <tr key={rowIndex} className="govuk-table__row">
            {row.map((cell, index) => {
              const common = { colSpan: cell.colspan || undefined, rowSpan: cell.rowspan || undefined, ...attributeProps(cell.attributes), ...contentProps(cell) };
              return index === 0 && props.firstCellIsHeader
                ? <th key={index} scope="row" className={classNames('govuk-table__header', cell.classes)} {...common} />
                : <td key={index} className={classNames('govuk-table__cell', cell.format && `govuk-table__cell--${cell.format}`, cell.classes)} {...common} />;
            })}
          </tr>
        ) : null)}
      </tbody>
    </table>
  );
}

export interface SummaryListAction extends TextOrHtml {
  href: string;
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListRow {
  key: TextOrHtml & { classes?: string };
  value: TextOrHtml & { classes?: string };
  actions?: { items?: SummaryListAction[]; classes?: string };
  classes?: string;
}

function ActionLink(props: { action: SummaryListAction; cardTitle?: TextOrHtml }) {
  const { action, cardTitle } = props;
  const common = { className: classNames('govuk-link', action.classes), href: action.href, ...attributeProps(action.attributes) };
  const hasHidden = Boolean(action.visuallyHiddenText || cardTitle);
  if (action.html && !hasHidden && action.children === undefined) return <a {...common} dangerouslySetInnerHTML={{ __html: action.html }} />;
  return (
    <a {...common}>
      {action.children ?? (action.html ? <span dangerouslySetInnerHTML={{ __html: action.html }} /> : action.text)}
      {hasHidden ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : ''}
          {cardTitle ? <> ({cardTitle.children ?? cardTitle.text})</> : null}
        </span>
      ) : null}
    </a>
  );
}

export interface SummaryCardOptions {
  title?: TextOrHtml & { headingLevel?: number; classes?: string };
  actions?: { items?: SummaryListAction[]; classes?: string };
  classes?: string;
  attributes?: Attributes;
}

export function SummaryList(props: Common & { rows: (SummaryListRow | null | false | undefined)[]; card?: SummaryCardOptions }) {
  const list = <SummaryListRows {...props} />;
  const card = props.card;
  if (!card) return list;
  const Heading = `h${card.title?.headingLevel || 2}` as 'h2';
  const actions = card.actions?.items ?? [];
  return (
    <div className={classNames('govuk-summary-card', card.classes)} {...attributeProps(card.attributes)}>
      <div className="govuk-summary-card__title-wrapper">
        {card.title ? <Heading className={classNames('govuk-summary-card__title', card.title.classes)} {...contentProps(card.title)} /> : null}
        {actions.length === 1 ? <div className={classNames('govuk-summary-card__actions', card.actions?.classes)}><ActionLink action={actions[0]!} cardTitle={card.title} /></div> : null}
        {actions.length > 1 ? (
          <ul className={classNames('govuk-summary-card__actions', card.actions?.classes)}>
            {actions.map((action, index) => <li key={index} className="govuk-summary-card__action"><ActionLink action={action} cardTitle={card.title} /></li>)}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{list}</div>
    </div>
  );
}

function SummaryListRows(props: Common & { rows: (SummaryListRow | null | false | undefined)[]; card?: SummaryCardOptions }) {
  const rows = props.rows.filter((row): row is SummaryListRow => Boolean(row));
  const anyRowHasActions = rows.some((row) => (row.actions?.items?.length ?? 0) > 0);
  return (
    <dl className={classNames('govuk-summary-list', props.classes)} {...attributeProps(props.attributes)}>
      {rows.map((row, index) => {
        const actions = row.actions?.items ?? [];
        return (
          <div key={index} className={classNames('govuk-summary-list__row', anyRowHasActions && actions.length === 0 && 'govuk-summary-list__row--no-actions', row.classes)}>
            <dt className={classNames('govuk-summary-list__key', row.key.classes)} {...contentProps(row.key)} />
            <dd className={classNames('govuk-summary-list__value', row.value.classes)} {...contentProps(row.value)} />
            {actions.length > 0 ? (
              <dd className={classNames('govuk-summary-list__actions', row.actions?.classes)}>
                {actions.length === 1 ? <ActionLink action={actions[0]!} cardTitle={props.card?.title} /> : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action, i) => <li key={i} className="govuk-summary-list__actions-list-item"><ActionLink action={action} cardTitle={props.card?.title} /></li>)}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
