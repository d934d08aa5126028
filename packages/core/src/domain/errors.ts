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
  constructor(what: string, id: string) {
    super('CONFLICT', `${what} ${id} was changed by someone else; reload and try again`);
  }
}
export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}
