import { Injectable, UseGuards } from '@nestjs/common';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { PublicRateLimitGuard } from '../http/public-rate-limit.js';

/**
 * The public limit for the raw-MIME webhook. The guard runs before the message is read into
 * storage, so a refused request stored nothing: the 429 carries `Retry-After` (seconds) and says
 * the sender should post the same message again; every message answered 202 is kept.
 */
@Injectable()
export class InboundWebhookRateLimitGuard extends PublicRateLimitGuard {
  protected override describe(detail: ThrottlerLimitDetail, seconds: number): string {
    return `too many inbound messages from ${detail.tracker}: at most ${detail.limit} a minute; this message was not stored, post it again in ${seconds} s`;
  }
}

export const InboundWebhookRateLimit = (): MethodDecorator & ClassDecorator => UseGuards(InboundWebhookRateLimitGuard);
