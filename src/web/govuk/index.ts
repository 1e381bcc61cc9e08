/** A thin React layer over GOV.UK Frontend's markup, tested against the package's own fixtures. */
export { attributeProps, classNames, type Attributes } from './attributes.ts';
export { Button } from './button.tsx';
export { Checkboxes, DateInput, Radios, Select, type ChoiceItem, type SelectItem } from './choices.tsx';
export { Details, ErrorSummary, InsetText, NotificationBanner, Panel, SummaryList, Table, Tag, WarningText, type SummaryListRow, type TableCell } from './content.tsx';
export { FileUpload } from './file-upload.tsx';
export { Input, Textarea } from './input.tsx';
export { ErrorMessage, Fieldset, Hint, Label } from './label.tsx';
export { BackLink, Breadcrumbs, Footer, ServiceNavigation, SkipLink } from './navigation.tsx';
