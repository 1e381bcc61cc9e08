import type { ReactNode } from 'react';

/**
 * GOV.UK Frontend's components take `attributes` as a map of name to value, where a value may be
 * `{ value, optional }`: an optional attribute is left out when empty and written bare when true.
 * These helpers turn such a map into React props with the same rendered result.
 */
export type AttributeValue = string | number | boolean | null | undefined | { value?: string | number | boolean | null; optional?: boolean };
export type Attributes = Record<string, AttributeValue>;

const reactNames: Record<string, string> = {
  class: 'className', for: 'htmlFor', tabindex: 'tabIndex', readonly: 'readOnly', maxlength: 'maxLength', autocomplete: 'autoComplete',
  spellcheck: 'spellCheck', inputmode: 'inputMode', autocapitalize: 'autoCapitalize', colspan: 'colSpan', rowspan: 'rowSpan',
  autofocus: 'autoFocus', enterkeyhint: 'enterKeyHint', novalidate: 'noValidate', accesskey: 'accessKey',
};
const booleanProps = new Set(['disabled', 'hidden', 'checked', 'required', 'readOnly', 'open', 'autoFocus', 'multiple', 'noValidate']);

export function attributeProps(attributes: Attributes | undefined): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(attributes ?? {})) {
    const isOptional = typeof raw === 'object' && raw !== null && raw.optional === true;
    const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
    const key = reactNames[name.toLowerCase()] ?? name;
    if (isOptional && (value === null || value === undefined || value === false)) continue;
    if (booleanProps.has(key)) {
      props[key] = value === true || value === '' || value === null || value === undefined || String(value) === key.toLowerCase() || (value !== false && value !== 'false');
      continue;
    }
    if (isOptional && value === true) props[key] = '';
    else if (value === null || value === undefined) props[key] = '';
    else props[key] = String(value);
  }
  return props;
}

/** Joins class names, leaving out empty ones. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** `html` (trusted markup written by this app) wins over `text`, as in GOV.UK Frontend's macros. */
export interface TextOrHtml {
  text?: string | number | null;
  html?: string | null;
  children?: ReactNode;
}

export function contentProps(content: TextOrHtml | undefined): { children?: ReactNode; dangerouslySetInnerHTML?: { __html: string } } {
  if (content?.children !== undefined && content.children !== null) return { children: content.children };
  if (content?.html) return { dangerouslySetInnerHTML: { __html: content.html } };
  return { children: content?.text ?? undefined };
}

export function hasContent(content: TextOrHtml | undefined | null): boolean {
  return Boolean(content && ((content.children !== undefined && content.children !== null && content.children !== false) || content.html || content.text || content.text === 0));
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
