import type { ReactNode } from 'react';
import { attributeProps, classNames, type Attributes, type TextOrHtml } from './attributes.ts';
import { ErrorMessage, Fieldset, Hint, type ErrorMessageProps, type HintProps, type LegendOptions } from './label.tsx';

export interface FormGroupOptions {
  classes?: string;
  attributes?: Attributes;
  beforeInput?: TextOrHtml;
  afterInput?: TextOrHtml;
  beforeInputs?: TextOrHtml;
  afterInputs?: TextOrHtml;
}

export interface FieldsetOptions {
  classes?: string;
  attributes?: Attributes;
  describedBy?: string;
  legend?: LegendOptions;
}

export function FormGroup(props: { hasError: boolean; formGroup?: FormGroupOptions; children: ReactNode }) {
  return (
    <div className={classNames('govuk-form-group', props.hasError && 'govuk-form-group--error', props.formGroup?.classes)} {...attributeProps(props.formGroup?.attributes)}>
      {props.children}
    </div>
  );
}

/** The hint and error message above a control, and the aria-describedby that points at them. */
export function hintAndError(idBase: string, describedBy: string | undefined, hint?: HintProps, errorMessage?: ErrorMessageProps | false | null) {
  const ids: string[] = describedBy ? [describedBy] : [];
  const nodes: ReactNode[] = [];
  if (hint) {
    ids.push(`${idBase}-hint`);
    nodes.push(<Hint key="hint" {...hint} id={`${idBase}-hint`} />);
  }
  if (errorMessage) {
    ids.push(`${idBase}-error`);
    nodes.push(<ErrorMessage key="error" {...errorMessage} id={`${idBase}-error`} />);
  }
  return { describedBy: ids.join(' ') || undefined, nodes };
}

export function Slot(props: { content?: TextOrHtml }) {
  if (!props.content) return null;
  if (props.content.children !== undefined) return <>{props.content.children}</>;
  if (props.content.html) return <span dangerouslySetInnerHTML={{ __html: props.content.html }} />;
  return <>{props.content.text}</>;
}

/** Wraps a group of inputs in a fieldset when one is asked for, as radios, checkboxes and dates do. */
export function MaybeFieldset(props: { fieldset?: FieldsetOptions | null; describedBy?: string; role?: string; children: ReactNode }) {
  if (!props.fieldset) return <>{props.children}</>;
  return (
    <Fieldset classes={props.fieldset.classes} attributes={props.fieldset.attributes} legend={props.fieldset.legend} describedBy={props.describedBy} role={props.role}>
      {props.children}
    </Fieldset>
  );
}
