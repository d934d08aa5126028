import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { readRawBody } from './read-raw-body.js';

function fakeRequest() {
  return Object.assign(new EventEmitter(), { body: undefined as unknown, resume: vi.fn() });
}
function fakeResponse() {
  const response = { statusCode: 0, sent: undefined as unknown, status: (code: number) => ((response.statusCode = code), response), json: (body: unknown) => ((response.sent = body), response) };
  return response;
}

describe('readRawBody', () => {
  it('puts the bytes into request.body and calls next', () => {
    const request = fakeRequest();
    const next = vi.fn();
    readRawBody(request as unknown as Request, fakeResponse() as unknown as Response, next as NextFunction, 10, 'too large');
    request.emit('data', Buffer.from('abc'));
    request.emit('data', Buffer.from('def'));
    request.emit('end');
    expect(Buffer.isBuffer(request.body) && request.body.toString()).toBe('abcdef');
    expect(next).toHaveBeenCalledOnce();
  });

  it('answers 413 with the message over the limit and never calls next', () => {
    const request = fakeRequest();
    const response = fakeResponse();
    const next = vi.fn();
    readRawBody(request as unknown as Request, response as unknown as Response, next as NextFunction, 4, 'the upload is too large');
    request.emit('data', Buffer.from('abc'));
    request.emit('data', Buffer.from('def'));
    request.emit('data', Buffer.from('ghi'));
    request.emit('end');
    expect(response.statusCode).toBe(413);
    expect(response.sent).toMatchObject({ statusCode: 413, message: 'the upload is too large' });
    expect(next).not.toHaveBeenCalled();
    expect(request.body).toBeUndefined();
  });
});
