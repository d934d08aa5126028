import { applyDecorators, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Rate-limits a public endpoint (login, customer chat, inbound webhooks) per client IP;
 * the limit is RATE_LIMIT_PER_MINUTE. Over the limit the client gets a 429.
 */
export const PublicRateLimit = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(ThrottlerGuard));
