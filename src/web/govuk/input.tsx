import type { ChangeEventHandler, ReactNode } from 'react';
import { attributeProps, classNames, contentProps, hasContent, type Attributes, type TextOrHtml } from './attributes.ts';
import { FormGroup, hintAndError, Slot, type FormGroupOptions } from './form-group.tsx';
import { Label, type ErrorMessageProps, type HintProps, type LabelProps } from './label.tsx';

export interface InputProps {
  id?: string;
  name: string;
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  prefix?: TextOrHtml & { classes?: string; attributes?: Attributes };
  suffix?: TextOrHtml & { classes?: string; attributes?: Attributes };
  formGroup?: FormGroupOptions;
  inputWrapper?: { classes?: string; attributes?: Attributes };
  classes?: string;
  autocomplete?: string;
  autocapitalize?: string;
  pattern?: string;
  spellcheck?: boolean;
  attributes?: Attributes;
  onChange?: ChangeEventHandler<HTMLInputElement>;
}

function Affix(props: { affix: NonNullable<InputProps['prefix']>; kind: 'prefix' | 'suffix' }) {
  const { affix } = props;
  return (
    <div className={classNames(`govuk-input__${props.kind}`, affix.classes)} aria-hidden="true" {...attributeProps(affix.attributes)} {...contentProps(affix)} />
  );
}

/** A text input. `value` is its starting value: forms are read on submit, so typing stays fast. */
export function Input(props: InputProps) {
  const id = props.id || props.name;
  const { describedBy, nodes } = hintAndError(id, props.describedBy, props.hint, props.errorMessage);
  const input = (
    <input
      className={classNames('govuk-input', props.classes, props.errorMessage && 'govuk-input--error')}
      id={id}
      name={props.name}
      type={props.type || 'text'}
      spellCheck={props.spellcheck === true || props.spellcheck === false ? (String(props.spellcheck) as 'true' | 'false') : undefined}
      defaultValue={props.value ?? undefined}
      disabled={props.disabled || undefined}
      aria-describedby={describedBy}
      autoComplete={props.autocomplete}
      autoCapitalize={props.autocapitalize}
      pattern={props.pattern}
      inputMode={props.inputmode as InputModes}
      onChange={props.onChange}
      {...attributeProps(props.attributes)}
    />
  );
  const before = props.formGroup?.beforeInput;
  const after = props.formGroup?.afterInput;
  const wrapped = hasContent(props.prefix) || hasContent(props.suffix) || hasContent(before) || hasContent(after);
  let control: ReactNode = input;
  if (wrapped) {
    control = (
      <div className={classNames('govuk-input__wrapper', props.inputWrapper?.classes)} {...attributeProps(props.inputWrapper?.attributes)}>
        {hasContent(before) ? <Slot content={before} /> : null}
        {props.prefix && hasContent(props.prefix) ? <Affix affix={props.prefix} kind="prefix" /> : null}
        {input}
        {props.suffix && hasContent(props.suffix) ? <Affix affix={props.suffix} kind="suffix" /> : null}
        {hasContent(after) ? <Slot content={after} /> : null}
      </div>
    );
  }
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <Label {...props.label} for={id} />
      {nodes}
      {control}
    </FormGroup>
  );
}

type InputModes = 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search' | undefined;

export interface TextareaProps {
  id?: string;
  name: string;
  rows?: number;
  value?: string;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  attributes?: Attributes;
}

export function Textarea(props: TextareaProps) {
  const id = props.id || props.name;
  const { describedBy, nodes } = hintAndError(id, props.describedBy, props.hint, props.errorMessage);
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <Label {...props.label} for={id} />
      {nodes}
      <Slot content={props.formGroup?.beforeInput} />
      <textarea
        className={classNames('govuk-textarea', props.errorMessage && 'govuk-textarea--error', props.classes)}
        id={id}
        name={props.name}
        rows={props.rows || 5}
        spellCheck={props.spellcheck === true || props.spellcheck === false ? (String(props.spellcheck) as 'true' | 'false') : undefined}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        autoComplete={props.autocomplete}
        defaultValue={props.value ?? ''}
        {...attributeProps(props.attributes)}
      />
      <Slot content={props.formGroup?.afterInput} />
    </FormGroup>
  );
}
