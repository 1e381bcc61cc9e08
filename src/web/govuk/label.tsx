import { attributeProps, classNames, contentProps, escapeHtml, hasContent, type Attributes, type TextOrHtml } from './attributes.ts';

export interface LabelProps extends TextOrHtml {
  classes?: string;
  attributes?: Attributes;
  for?: string;
  isPageHeading?: boolean;
}

export function Label(props: LabelProps) {
  if (!hasContent(props)) return null;
  const label = (
    <label className={classNames('govuk-label', props.classes)} {...attributeProps(props.attributes)} htmlFor={props.for || undefined} {...contentProps(props)} />
  );
  return props.isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

export interface HintProps extends TextOrHtml {
  id?: string;
  classes?: string;
  attributes?: Attributes;
}

export function Hint(props: HintProps) {
  return <div id={props.id || undefined} className={classNames('govuk-hint', props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}

export interface ErrorMessageProps extends TextOrHtml {
  id?: string;
  classes?: string;
  attributes?: Attributes;
  visuallyHiddenText?: string | false;
}

/** With `html` the markup replaces the whole message, hidden prefix included (see the fixture test's skip list). */
export function ErrorMessage(props: ErrorMessageProps) {
  const hidden = props.visuallyHiddenText === undefined ? 'Error' : props.visuallyHiddenText;
  const common = { id: props.id || undefined, className: classNames('govuk-error-message', props.classes), ...attributeProps(props.attributes) };
  if (props.html && props.children === undefined) return <p {...common} dangerouslySetInnerHTML={{ __html: hidden ? `<span class="govuk-visually-hidden">${escapeHtml(hidden)}:</span> ${props.html}` : props.html }} />;
  return (
    <p {...common}>
      {hidden ? <><span className="govuk-visually-hidden">{hidden}:</span> </> : null}
      {props.children ?? props.text}
    </p>
  );
}

export interface LegendOptions extends TextOrHtml {
  classes?: string;
  isPageHeading?: boolean;
}

export interface FieldsetProps extends TextOrHtml {
  classes?: string;
  attributes?: Attributes;
  describedBy?: string;
  role?: string;
  legend?: LegendOptions;
}

export function Fieldset(props: FieldsetProps) {
  const legend = props.legend;
  return (
    <fieldset className={classNames('govuk-fieldset', props.classes)} role={props.role || undefined} aria-describedby={props.describedBy || undefined} {...attributeProps(props.attributes)}>
      {hasContent(legend) && legend ? (
        legend.isPageHeading
          ? <legend className={classNames('govuk-fieldset__legend', legend.classes)}><h1 className="govuk-fieldset__heading" {...contentProps(legend)} /></legend>
          : <legend className={classNames('govuk-fieldset__legend', legend.classes)} {...contentProps(legend)} />
      ) : null}
      {props.children !== undefined ? props.children : props.html ? <div dangerouslySetInnerHTML={{ __html: props.html }} /> : null}
    </fieldset>
  );
}
