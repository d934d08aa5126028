import { HttpException, HttpStatus, Injectable, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';

/**
 * The public limit (RATE_LIMIT_PER_MINUTE per client address, the `public` throttler) for the
 * raw-MIME webhook. The guard runs before the message is read into storage, so a refused
 * request stored nothing: the 429 carries `Retry-After` (seconds) and says the sender should
 * post the same message again; every message answered 202 is kept.
 */
@Injectable()
export class InboundWebhookRateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `too many inbound messages from ${detail.tracker}: at most ${detail.limit} a minute; this message was not stored, post it again in ${seconds} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export const InboundWebhookRateLimit = (): MethodDecorator & ClassDecorator => UseGuards(InboundWebhookRateLimitGuard);
