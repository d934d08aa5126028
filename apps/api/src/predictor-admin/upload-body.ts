import type { NextFunction, Request, Response } from 'express';
import { readRawBody } from '../http/read-raw-body.js';

/** Uploads of historical cases and backtest examples: up to this many bytes. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Reads the raw body of the upload routes (any content type: JSON, NDJSON, CSV) into
 * `request.body` as a Buffer, before the app's JSON parser with its small default limit sees
 * it; 413 over the limit. Requests without credentials are left to the auth guard unread.
 */
export function uploadBodyReader(paths: string[], limitBytes = UPLOAD_LIMIT_BYTES) {
  const routes = new Set(paths);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'POST' || !routes.has(request.path) || !request.headers.authorization || Buffer.isBuffer(request.body)) return next();
    readRawBody(request, response, next, limitBytes, `the upload is larger than the limit of ${limitBytes} bytes (${Math.round(limitBytes / 1024 / 1024)} MB)`);
  };
}

/** The upload as text (UTF-8), whatever parser ran before. */
export function uploadText(body: unknown): string {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '';
  return JSON.stringify(body);
}
