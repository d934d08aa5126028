import { HttpException, NotFoundException } from '@nestjs/common';
import { ConcurrencyError, DomainError, InvalidStateError, NotFoundError } from '@autocase/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toErrorBody } from './all-exceptions.filter.js';

describe('toErrorBody', () => {
  it('maps domain error codes to HTTP statuses', () => {
    expect(toErrorBody(new NotFoundError('case', 'x')).statusCode).toBe(404);
    expect(toErrorBody(new DomainError('VALIDATION', 'bad')).statusCode).toBe(400);
    expect(toErrorBody(new ConcurrencyError('case', 'x')).statusCode).toBe(409);
    expect(toErrorBody(new DomainError('FORBIDDEN', 'no')).statusCode).toBe(403);
    expect(toErrorBody(new InvalidStateError('closed')).statusCode).toBe(409);
  });

  it('names the HTTP status of plain HTTP exceptions', () => {
    expect(toErrorBody(new HttpException('request entity too large', 413))).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(toErrorBody(new DomainError('VALIDATION', 'bad'))).toMatchObject({ error: 'Bad Request', code: 'VALIDATION' });
  });

  it('keeps the message of HTTP exceptions', () => {
    expect(toErrorBody(new NotFoundException('case 7 not found'))).toMatchObject({ statusCode: 404, message: 'case 7 not found' });
  });

  it('turns zod errors into 400s naming the path', () => {
    const result = z.object({ name: z.string() }).safeParse({ name: 1 });
    const body = toErrorBody(result.error);
    expect(body.statusCode).toBe(400);
    expect(body.issues?.[0]?.path).toBe('name');
  });

  it('hides unknown errors behind a 500', () => {
    const body = toErrorBody(new TypeError('secret internals'));
    expect(body.statusCode).toBe(500);
    expect(body.message).not.toContain('secret');
  });
});
