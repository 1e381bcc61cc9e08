import type { ReactNode } from 'react';
import { attributeProps, classNames, contentProps, hasContent, type Attributes, type TextOrHtml } from './attributes.ts';
import { FormGroup, hintAndError, MaybeFieldset, Slot, type FieldsetOptions, type FormGroupOptions } from './form-group.tsx';
import { Hint, Label, type ErrorMessageProps, type HintProps, type LabelProps } from './label.tsx';

export interface SelectItem {
  value?: string | number;
  text: string;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

export interface SelectProps {
  id?: string;
  name: string;
  items?: (SelectItem | null | false | undefined)[];
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
}

export function Select(props: SelectProps) {
  const id = props.id || props.name;
  const { describedBy, nodes } = hintAndError(id, props.describedBy, props.hint, props.errorMessage);
  const items = (props.items ?? []).filter((item): item is SelectItem => Boolean(item));
  // The chosen option: one marked selected wins over the select's value, as in the Nunjucks macro.
  const explicit = items.findLast((item) => item.selected === true);
  const chosen = explicit ?? (props.value !== undefined && props.value !== '' ? items.find((item) => String(item.value ?? item.text) === String(props.value) && item.selected !== false) : undefined);
  const chosenValue = chosen ? String(chosen.value ?? chosen.text) : undefined;
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <Label {...props.label} for={id} />
      {nodes}
      <Slot content={props.formGroup?.beforeInput} />
      <select
        className={classNames('govuk-select', props.classes, props.errorMessage && 'govuk-select--error')}
        id={id}
        name={props.name}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        defaultValue={chosenValue}
        {...attributeProps(props.attributes)}
      >
        {items.map((item, index) => (
          <option key={index} value={item.value === undefined ? undefined : String(item.value)} disabled={item.disabled || undefined} {...attributeProps(item.attributes)}>
            {item.text}
          </option>
        ))}
      </select>
      <Slot content={props.formGroup?.afterInput} />
    </FormGroup>
  );
}

export interface ChoiceItem extends TextOrHtml {
  value?: string | number;
  id?: string;
  name?: string;
  checked?: boolean;
  disabled?: boolean;
  divider?: string;
  behaviour?: 'exclusive';
  hint?: HintProps;
  label?: { classes?: string; attributes?: Attributes };
  conditional?: { html?: string; children?: ReactNode };
  attributes?: Attributes;
}

export interface ChoicesProps {
  name: string;
  idPrefix?: string;
  items: (ChoiceItem | null | false | undefined | '' | 0)[];
  /** Radios: the chosen value. */
  value?: string | number;
  /** Checkboxes: the chosen values. */
  values?: (string | number)[];
  describedBy?: string;
  fieldset?: FieldsetOptions | null;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
}

function Choices(props: ChoicesProps & { kind: 'radios' | 'checkboxes' }) {
  const { kind } = props;
  const idPrefix = props.idPrefix || props.name;
  const base = kind === 'checkboxes' ? (props.fieldset?.describedBy || props.describedBy) : props.fieldset?.describedBy;
  const { describedBy, nodes } = hintAndError(idPrefix, base || undefined, props.hint, props.errorMessage);
  const items = props.items.map((item, index) => ({ item, index: index + 1 })).filter((entry): entry is { item: ChoiceItem; index: number } => Boolean(entry.item));
  const isChecked = (item: ChoiceItem) => {
    if (item.checked !== undefined && item.checked !== null) return item.checked;
    if (kind === 'radios') return props.value !== undefined && props.value !== '' ? String(item.value) === String(props.value) : false;
    return props.values ? props.values.map(String).includes(String(item.value)) : false;
  };
  const group = (
    <div className={classNames(`govuk-${kind}`, props.classes)} {...attributeProps(props.attributes)} data-module={`govuk-${kind}`}>
      {hasContent(props.formGroup?.beforeInputs) ? <Slot content={props.formGroup?.beforeInputs} /> : null}
      {items.map(({ item, index }) => {
        const itemId = item.id || idPrefix + (index > 1 ? `-${index}` : '');
        if (item.divider) return <div key={index} className={`govuk-${kind}__divider`}>{item.divider}</div>;
        const checked = isChecked(item);
        const hasHint = Boolean(item.hint && (item.hint.text || item.hint.html || item.hint.children));
        const hintId = `${itemId}-item-hint`;
        const conditionalId = `conditional-${itemId}`;
        const hasConditional = Boolean(item.conditional && (item.conditional.html || item.conditional.children));
        const itemDescribedBy = kind === 'radios'
          ? (hasHint ? hintId : undefined)
          : [props.fieldset ? '' : (describedBy ?? ''), hasHint ? hintId : ''].join(' ').trim() || undefined;
        return [
          <div key={`item-${index}`} className={`govuk-${kind}__item`}>
            <input
              className={`govuk-${kind}__input`}
              id={itemId}
              name={item.name || props.name}
              type={kind === 'radios' ? 'radio' : 'checkbox'}
              value={item.value === undefined ? '' : String(item.value)}
              defaultChecked={checked || undefined}
              disabled={item.disabled || undefined}
              data-aria-controls={hasConditional ? conditionalId : undefined}
              data-behaviour={kind === 'checkboxes' ? item.behaviour : undefined}
              aria-describedby={itemDescribedBy}
              {...attributeProps(item.attributes)}
            />
            <Label html={item.html} text={item.text} classes={classNames(`govuk-${kind}__label`, item.label?.classes)} attributes={item.label?.attributes} for={itemId}>
              {item.children}
            </Label>
            {hasHint ? <Hint {...item.hint} id={hintId} classes={classNames(`govuk-${kind}__hint`, item.hint?.classes)} /> : null}
          </div>,
          hasConditional ? (
            <div key={`conditional-${index}`} className={classNames(`govuk-${kind}__conditional`, !checked && `govuk-${kind}__conditional--hidden`)} id={conditionalId}
              {...contentProps(item.conditional)} />
          ) : null,
        ];
      })}
      {hasContent(props.formGroup?.afterInputs) ? <Slot content={props.formGroup?.afterInputs} /> : null}
    </div>
  );
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <MaybeFieldset fieldset={props.fieldset} describedBy={describedBy}>
        {nodes}
        {group}
      </MaybeFieldset>
    </FormGroup>
  );
}

export function Radios(props: ChoicesProps) {
  return <Choices {...props} kind="radios" />;
}

export function Checkboxes(props: ChoicesProps) {
  return <Choices {...props} kind="checkboxes" />;
}

export interface DateInputItem {
  id?: string;
  name?: string;
  label?: string;
  value?: string | number;
  classes?: string;
  error?: boolean;
  inputmode?: string;
  autocomplete?: string;
  pattern?: string;
  attributes?: Attributes;
}

export interface DateInputProps {
  id: string;
  day?: DateInputItem | false;
  month?: DateInputItem | false;
  year?: DateInputItem | false;
  namePrefix?: string;
  items?: (DateInputItem | null | undefined)[];
  values?: Record<string, string | number | undefined>;
  describedBy?: string;
  fieldset?: FieldsetOptions | null;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

/** Day, month and year boxes; `day`, `month` or `year` set to false leaves that box out. */
export function DateInput(props: DateInputProps) {
  const day = props.day === undefined ? { name: 'day', value: props.values?.day, classes: 'govuk-input--width-2' } : props.day;
  const month = props.month === undefined ? { name: 'month', value: props.values?.month, classes: 'govuk-input--width-2' } : props.month;
  const year = props.year === undefined ? { name: 'year', value: props.values?.year, classes: 'govuk-input--width-4' } : props.year;
  const items = (props.items && props.items.length > 0 ? props.items : [day, month, year]).filter((item): item is DateInputItem => Boolean(item));
  const partOf = (item: DateInputItem) => {
    for (const [part, defaults] of [['day', day], ['month', month], ['year', year]] as const) {
      if (item === defaults || (item.name && (item.name === part || (defaults && item.name === defaults.name)))) {
        return { name: item.name ?? part, value: item.value ?? (defaults ? defaults.value : undefined), width: part === 'year' ? 4 : 2 };
      }
    }
    return { name: item.name ?? '', value: item.value, width: 2 };
  };
  const { describedBy, nodes } = hintAndError(props.id, props.fieldset?.describedBy || undefined, props.hint, props.errorMessage);
  const anyItemHasError = items.some((item) => item.error || item.classes?.includes('govuk-input--error'));
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : '';
  const group = (
    <div className={classNames('govuk-date-input', props.classes)} {...attributeProps(props.attributes)} id={props.id}>
      <Slot content={props.formGroup?.beforeInputs} />
      {items.map((item, index) => {
        const { name, value: partValue, width } = partOf(item);
        const itemHasError = Boolean(item.error || item.classes?.includes('govuk-input--error'));
        const errorClass = !item.classes?.includes('govuk-input--error') && (itemHasError || (item.error !== false && props.errorMessage && !anyItemHasError)) ? 'govuk-input--error' : '';
        const widthClass = !item.classes?.includes('govuk-input--width-') ? `govuk-input--width-${width}` : '';
        const itemClasses = classNames(errorClass, widthClass, item.classes);
        const value = partValue ?? props.values?.[namePrefix + name];
        const id = item.id || `${props.id}-${name}`;
        return (
          <div key={index} className="govuk-date-input__item">
            <div className="govuk-form-group">
              <Label text={item.label || capitalise(name)} classes="govuk-date-input__label" for={id} />
              <input
                className={classNames('govuk-input', 'govuk-date-input__input', itemClasses)}
                id={id}
                name={namePrefix + name}
                type="text"
                defaultValue={value}
                autoComplete={item.autocomplete}
                pattern={item.pattern}
                inputMode={(item.inputmode || 'numeric') as 'numeric'}
                {...attributeProps(item.attributes)}
              />
            </div>
          </div>
        );
      })}
      <Slot content={props.formGroup?.afterInputs} />
    </div>
  );
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <MaybeFieldset fieldset={props.fieldset} describedBy={describedBy} role="group">
        {nodes}
        {group}
      </MaybeFieldset>
    </FormGroup>
  );
}
