import type { NextFunction, Request, Response } from 'express';

const RAW_TYPES = /^(message\/rfc822|application\/octet-stream|text\/plain)\b/i;

/**
 * Reads a raw message body (`message/rfc822`, `application/octet-stream` or `text/plain`)
 * into `request.body` as a Buffer, byte for byte; 413 over the limit.
 */
export function rawMessageBody(limitBytes: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!RAW_TYPES.test(request.headers['content-type'] ?? '') || Buffer.isBuffer(request.body)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        if (!refused) {
          refused = true;
          response.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: `the message is larger than the limit of ${limitBytes} bytes` });
          request.resume();
        }
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      request.body = Buffer.concat(chunks);
      next();
    });
    request.on('error', (error) => next(error));
  };
}
