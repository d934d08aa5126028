import { describe, expect, it } from 'vitest';
import { ApiError, describeErrorBody } from './api-error.js';

describe('describeErrorBody', () => {
  it('reads zod issues into field errors keyed by dotted path', () => {
    const described = describeErrorBody(400, {
      message: 'Invalid field definitions',
      issues: [{ path: [0, 'options', 1, 'value'], message: 'duplicate option "a"' }],
    });
    expect(described.message).toBe('Invalid field definitions');
    expect(described.fieldErrors).toEqual({ '0.options.1.value': 'duplicate option "a"' });
  });

  it('joins a NestJS message array', () => {
    const described = describeErrorBody(400, { statusCode: 400, message: ['email must be an email', 'password is too short'], error: 'Bad Request' });
    expect(described.message).toBe('email must be an email; password is too short');
  });

  it('falls back to a status text when the body says nothing useful', () => {
    expect(describeErrorBody(403, '<html>forbidden</html>').message).toBe('You do not have permission to do that.');
    expect(describeErrorBody(502, null).message).toBe('The server failed (HTTP 502). Try again shortly.');
  });

  it('accepts string paths with brackets', () => {
    const described = describeErrorBody(400, { errors: [{ path: 'fields[2].key', message: 'key is required' }] });
    expect(described.fieldErrors).toEqual({ 'fields.2.key': 'key is required' });
    expect(described.message).toBe('fields.2.key: key is required');
  });
});

describe('ApiError', () => {
  it('carries status, message and field errors', () => {
    const error = new ApiError(404, { message: 'Case not found' });
    expect(error.message).toBe('Case not found');
    expect(error.isNotFound).toBe(true);
    expect(error.fieldErrors).toEqual({});
  });
});
