import { useCallback, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { ApiError } from '../api.ts';
import { ErrorSummary } from '../govuk/index.ts';

/** A problem with an answer: on a field (linked from the summary, shown on the field) or with the whole form. */
export interface Problem {
  field?: string;
  message: string;
}

/**
 * The problems a refused request names, for a form with these fields: each problem on one of them
 * stays on it; otherwise the server's message is the one problem (a wrong password, too many tries).
 */
export function problemsFrom(caught: unknown, fields: readonly string[], fallback: string): Problem[] {
  if (!(caught instanceof ApiError)) return [{ message: fallback }];
  const onFields = caught.problems.filter((problem) => fields.includes(problem.field));
  return onFields.length > 0 ? onFields : [{ message: caught.message }];
}

/** A form's problems: shown in the GOV.UK error summary, which takes focus so screen readers read it at once. */
export function useProblems() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const show = useCallback((found: Problem[]) => {
    setProblems(found);
    window.requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.govuk-error-summary')?.focus());
  }, []);
  const errorOf = (field: string) => {
    const messages = problems.filter((problem) => problem.field === field).map((problem) => problem.message);
    return messages.length > 0 ? { text: [...new Set(messages)].join('. ') } : undefined;
  };
  return { problems, show, errorOf, summaryRef };
}

/** The error summary: each field's problem links to its control, which the link focuses without changing the address. */
export function ProblemSummary(props: { problems: Problem[]; summaryRef: RefObject<HTMLDivElement | null>; hrefOf?: (field: string | undefined) => string | undefined }) {
  const hrefOf = props.hrefOf ?? ((field) => (field ? `#${field}` : undefined));
  const focusField = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    if (target) { event.preventDefault(); target.scrollIntoView({ block: 'center' }); target.focus(); }
  };
  return (
    <div ref={props.summaryRef}>
      {props.problems.length > 0 ? (
        <div onClick={focusField}>
          <ErrorSummary titleText="There is a problem" attributes={{ tabindex: '-1' }}
            errorList={props.problems.map((problem) => ({ text: problem.message, href: hrefOf(problem.field) }))} />
        </div>
      ) : null}
    </div>
  );
}
