/**
 * The one error type the domain raises. It carries no transport detail: the HTTP layer maps
 * `code` to a status in one place (platform/http/error-mapping.ts).
 */
/** `busy`: expensive work is at its limit just now; `details.retryAfterSeconds` says when to ask again. */
export type DomainErrorCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'busy';

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly problems: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: { problems?: FieldProblem[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }

  static invalid(problems: FieldProblem[], message = 'The request has invalid fields'): DomainError {
    return new DomainError('invalid', message, { problems });
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError('invalid', message, { problems: [{ field, message }] });
  }

  static notFound(message: string, field?: string): DomainError {
    return new DomainError('not_found', message, { problems: field ? [{ field, message }] : [] });
  }
}

/** Turns zod issues into field problems with dotted paths, e.g. `data.factors.0`. */
export function problemsFromIssues(issues: readonly { path: PropertyKey[]; message: string }[], prefix = ''): FieldProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || '(body)', message: issue.message };
  });
}
