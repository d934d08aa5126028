import { HttpException, NotFoundException } from '@nestjs/common';
import { ConcurrencyError, DomainError, InvalidStateError, NotFoundError } from '@autocase/core';
import { ConnectionException } from '@mikro-orm/core';
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

  it('answers 503 DATABASE_UNAVAILABLE when the database cannot be reached, 500 for other unknown errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
    expect(toErrorBody(refused)).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('database is unavailable') });
    expect(toErrorBody(new ConnectionException(new Error('Connection terminated unexpectedly')))).toMatchObject({ statusCode: 503 });
    expect(toErrorBody(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toMatchObject({ statusCode: 503 });
    expect(toErrorBody(new Error('wrapped', { cause: refused }))).toMatchObject({ statusCode: 503 });
    expect(toErrorBody(new Error('undefined is not a function'))).toMatchObject({ statusCode: 500, message: 'Something went wrong on the server; the error was logged' });
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
