import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@autocase/core';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';
import { describeZodIssues } from './zod-validation-pipe.js';

const DOMAIN_STATUS: Record<DomainError['code'], number> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  VALIDATION: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  INVALID_STATE: HttpStatus.CONFLICT,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  issues?: { path: string; message: string }[];
  details?: unknown;
}

function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === 'DomainError' && typeof (error as DomainError).code === 'string');
}

/** Maps any error to a JSON response; unknown errors become a logged 500 and never crash the process. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const status = error.getStatus();
    if (typeof response === 'object' && response !== null) {
      const body = response as Partial<ErrorBody> & { message?: string | string[] };
      return { ...body, statusCode: status, error: body.error ?? STATUS_CODES[status] ?? error.name, message: Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? error.message) } as ErrorBody;
    }
    return { statusCode: status, error: STATUS_CODES[status] ?? error.name, message: String(response) };
  }
  if (isDomainError(error)) {
    const statusCode = DOMAIN_STATUS[error.code] ?? HttpStatus.BAD_REQUEST;
    const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    const issues = (error as { issues?: unknown }).issues ?? (Array.isArray(error.details) ? error.details : (error.details as { issues?: unknown } | undefined)?.issues);
    if (Array.isArray(issues) && issues.length > 0) body.issues = issues as { path: string; message: string }[];
    return body;
  }
  if (error instanceof ZodError) {
    const issues = describeZodIssues(error);
    return { statusCode: 400, error: 'Bad Request', message: `Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues };
  }
  if (isDatabaseUnavailable(error)) {
    return { statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE', message: `The database is unavailable right now; try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds` };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on the server; the error was logged' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      this.logger.error({ err: error }, 'unhandled error outside HTTP');
      return;
    }
    const response = host.switchToHttp().getResponse<{ headersSent: boolean; setHeader(name: string, value: string): void; status(code: number): { json(body: unknown): void } }>();
    const request = host.switchToHttp().getRequest<{ method: string; url: string }>();
    const body = toErrorBody(error);
    if (body.code === 'DATABASE_UNAVAILABLE') this.logger.warn({ err: error, method: request.method, url: request.url }, 'request refused: the database is unavailable');
    else if (body.statusCode >= 500) this.logger.error({ err: error, method: request.method, url: request.url }, 'request failed');
    if (response.headersSent) return;
    if (body.code === 'DATABASE_UNAVAILABLE') response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }
}
