import type { NextFunction, Request, Response } from 'express';
import { readRawBody } from '../http/read-raw-body.js';

const RAW_TYPES = /^(message\/rfc822|application\/octet-stream|text\/plain)\b/i;

/**
 * Reads a raw message body (`message/rfc822`, `application/octet-stream` or `text/plain`)
 * into `request.body` as a Buffer, byte for byte; 413 over the limit.
 */
export function rawMessageBody(limitBytes: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!RAW_TYPES.test(request.headers['content-type'] ?? '') || Buffer.isBuffer(request.body)) return next();
    readRawBody(request, response, next, limitBytes, `the message is larger than the limit of ${limitBytes} bytes`);
  };
}
