import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { ZodError, ZodType } from 'zod';

export interface ValidationIssue {
  path: string;
  message: string;
}

export function describeZodIssues(error: ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)', message: issue.message }));
}

/** A 400 whose body names every bad field path: `{ statusCode, error, message, issues: [{ path, message }] }`. */
export function validationException(issues: ValidationIssue[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  });
}

/** Validates (and transforms: defaults, coercion) a body or query with a zod schema. */
export class ZodValidationPipe<Output> implements PipeTransform<unknown, Output> {
  constructor(
    private readonly schema: ZodType<Output>,
    private readonly prefix = '',
  ) {}

  transform(value: unknown): Output {
    const result = this.schema.safeParse(value);
    if (!result.success) throw validationException(describeZodIssues(result.error, this.prefix));
    return result.data;
  }
}
