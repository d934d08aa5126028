/** Errors use cases raise; the API maps them to HTTP statuses. */
export class DomainError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT' | 'FORBIDDEN' | 'INVALID_STATE',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`);
  }
}
export class ConcurrencyError extends DomainError {
  constructor(what: string, id: string, message = `${what} ${id} was changed by someone else; reload and try again`) {
    super('CONFLICT', message);
  }
}
export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}

/** One problem with an input, e.g. `{ path: 'fields.email', message: '"x" is not a valid email address' }`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super('VALIDATION', issues.length > 0 ? `${message}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` : message, issues);
  }
}

/** The request conflicts with the current state of a record (e.g. a second case for one conversation). */
export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, details);
  }
}

/** The actor may not do this (e.g. an agent acting on another agent's chat, a customer authoring bot lines). */
export class ForbiddenError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('FORBIDDEN', message, details);
  }
}

/** Whether `error` is a DomainError with this code (also across copies of this package). */
export function hasDomainErrorCode(error: unknown, code: DomainError['code']): boolean {
  return error instanceof DomainError || (typeof error === 'object' && error !== null && 'code' in error)
    ? (error as { code?: unknown }).code === code
    : false;
}
