import type { MouseEventHandler } from 'react';
import { attributeProps, classNames, type Attributes, type TextOrHtml } from './attributes.ts';

export interface ButtonProps extends TextOrHtml {
  element?: 'button' | 'a';
  href?: string;
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
  disabled?: boolean;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  onClick?: MouseEventHandler<HTMLElement>;
}

function StartIcon() {
  return (
    <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button(props: ButtonProps) {
  const className = classNames('govuk-button', props.classes, props.isStartButton && 'govuk-button--start');
  const common = { className, 'data-module': 'govuk-button', ...attributeProps(props.attributes), id: props.id || undefined };
  // Start buttons use flexbox, so their markup is wrapped in a span as GOV.UK Frontend does.
  const body = props.children ?? (props.html && props.isStartButton ? <span dangerouslySetInnerHTML={{ __html: props.html.trim() }} /> : props.text);
  const raw = props.children === undefined && props.html && !props.isStartButton ? { dangerouslySetInnerHTML: { __html: props.html.trim() } } : undefined;
  if (props.href) {
    return (
      raw ? <a href={props.href} role="button" draggable="false" {...common} onClick={props.onClick} {...raw} /> : (
        <a href={props.href} role="button" draggable="false" {...common} onClick={props.onClick}>
          {body}
          {props.isStartButton ? <StartIcon /> : null}
        </a>
      )
    );
  }
  const buttonProps = {
    type: props.type || 'submit',
    value: props.value || undefined,
    name: props.name || undefined,
    disabled: props.disabled || undefined,
    'aria-disabled': props.disabled ? ('true' as const) : undefined,
    'data-prevent-double-click': props.preventDoubleClick === undefined ? undefined : String(props.preventDoubleClick),
    ...common,
    onClick: props.onClick,
  };
  if (raw) return <button {...buttonProps} {...raw} />;
  return (
    <button {...buttonProps}>
      {body}
      {props.isStartButton ? <StartIcon /> : null}
    </button>
  );
}
