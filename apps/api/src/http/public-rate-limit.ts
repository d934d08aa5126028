import { Injectable, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { tooManyRequests } from './too-many-requests.js';

/**
 * The public limit (RATE_LIMIT_PER_MINUTE per client address — the socket's, or the one the
 * proxies in TRUSTED_PROXIES name) of login, customer chat and inbound webhooks. Over the limit:
 * 429 with `Retry-After` (seconds) and a message saying when to try again.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const remainingSeconds = detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire;
    throw tooManyRequests(context.switchToHttp().getResponse<Response>(), remainingSeconds * 1000, (seconds) => this.describe(detail, seconds));
  }

  protected describe(detail: ThrottlerLimitDetail, seconds: number): string {
    return `too many requests from your address: at most ${detail.limit} a minute; try again in ${seconds} s`;
  }
}

/** Rate-limits a public endpoint (login, customer chat, inbound webhooks) per client address. */
export const PublicRateLimit = (): MethodDecorator & ClassDecorator => UseGuards(PublicRateLimitGuard);
