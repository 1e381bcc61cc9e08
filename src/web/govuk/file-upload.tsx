import type { ChangeEventHandler } from 'react';
import { attributeProps, classNames, type Attributes } from './attributes.ts';
import { FormGroup, hintAndError, type FormGroupOptions } from './form-group.tsx';
import { Label, type ErrorMessageProps, type HintProps, type LabelProps } from './label.tsx';

export interface FileUploadProps {
  id?: string;
  name: string;
  /** A file input cannot be given a file: as in the Nunjucks macro, a value is not written. */
  value?: string;
  multiple?: boolean;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false | null;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
  onChange?: ChangeEventHandler<HTMLInputElement>;
}

/** The GOV.UK file upload component, without its JavaScript enhancement (the drop zone): a styled file input. */
export function FileUpload(props: FileUploadProps) {
  const id = props.id || props.name;
  const { describedBy, nodes } = hintAndError(id, props.describedBy, props.hint, props.errorMessage);
  return (
    <FormGroup hasError={Boolean(props.errorMessage)} formGroup={props.formGroup}>
      <Label {...props.label} for={id} />
      {nodes}
      <input
        className={classNames('govuk-file-upload', props.classes, props.errorMessage && 'govuk-file-upload--error')}
        id={id}
        name={props.name}
        type="file"
        multiple={props.multiple || undefined}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        onChange={props.onChange}
        {...attributeProps(props.attributes)}
      />
    </FormGroup>
  );
}
