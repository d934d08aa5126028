import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * A 429 a person can act on: `Retry-After` in whole seconds (at least 1) and a message built with
 * the same number. Returns the exception to throw.
 */
export function tooManyRequests(response: { setHeader(name: string, value: string): unknown }, retryAfterMs: number, describe: (seconds: number) => string): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  response.setHeader('Retry-After', String(seconds));
  return new HttpException({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: describe(seconds) }, HttpStatus.TOO_MANY_REQUESTS);
}
