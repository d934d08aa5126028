import type { NextFunction, Request, Response } from 'express';

/**
 * Reads the request body into `request.body` as a Buffer, byte for byte, then calls `next`;
 * over `limitBytes` it answers 413 with `tooLargeMessage` and drops what it had read.
 * Shared by the raw-MIME email routes and the admin upload routes.
 */
export function readRawBody(request: Request, response: Response, next: NextFunction, limitBytes: number, tooLargeMessage: string): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > limitBytes) {
      refused = true;
      chunks.length = 0;
      response.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: tooLargeMessage });
      request.resume();
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
}
