import { Controller, Headers, HttpCode, HttpException, HttpStatus, Inject, Post, Query, Req, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PluginError, type Clock } from '@autocase/core';
import { verifyWebhookSecret } from '@autocase/channels/email';
import type { Request } from 'express';
import { Public } from '../auth/auth-decorators.js';
import { validationException } from '../http/zod-validation-pipe.js';
import { CLOCK } from '../tokens.js';
import type { EmailIntake } from './email-intake.js';
import type { EmailProcessing } from './email-processing.js';
import { EMAIL_INTAKE, EMAIL_PROCESSING } from './email-tokens.js';
import { InboundWebhookRateLimit } from './inbound-webhook-rate-limit.js';

/**
 * The raw-MIME endpoint for providers that post inbound mail: body `message/rfc822`, the
 * mailbox's secret in `X-Autocase-Secret` (or `?secret=`), the mailbox in `X-Autocase-Mailbox`
 * (or `?mailbox=`; optional when the secret identifies it). 202 once the message is stored;
 * 429 with Retry-After over RATE_LIMIT_PER_MINUTE per client address (nothing stored).
 */
@ApiTags('email')
@Public()
@Controller('channels/email')
export class EmailInboundController {
  constructor(
    @Inject(EMAIL_PROCESSING) private readonly processing: EmailProcessing,
    @Inject(EMAIL_INTAKE) private readonly intake: EmailIntake,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('inbound')
  @HttpCode(202)
  @InboundWebhookRateLimit()
  @ApiConsumes('message/rfc822')
  @ApiBody({ description: 'the raw RFC 822 message, byte for byte', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-Autocase-Secret', description: "the mailbox's webhook secret (or ?secret=)", required: false })
  @ApiHeader({ name: 'X-Autocase-Mailbox', description: 'the mailbox address (or ?mailbox=); optional when the secret identifies it', required: false })
  @ApiQuery({ name: 'secret', required: false, description: 'the webhook secret, for providers that cannot send headers' })
  @ApiQuery({ name: 'mailbox', required: false, description: 'the mailbox address, for providers that cannot send headers' })
  @ApiResponse({ status: 202, description: 'stored byte for byte and queued for processing', schema: { type: 'object', properties: { id: { type: 'string' }, duplicate: { type: 'boolean', description: 'the same message was stored before' } }, required: ['id', 'duplicate'] } })
  @ApiResponse({ status: 400, description: 'empty body or not message/rfc822' })
  @ApiResponse({ status: 401, description: 'unknown mailbox or wrong secret' })
  @ApiResponse({ status: 413, description: 'larger than SMTP_MAX_MESSAGE_BYTES' })
  @ApiResponse({ status: 429, description: 'over RATE_LIMIT_PER_MINUTE for this client address; nothing was stored, post again after Retry-After', headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } })
  @ApiResponse({ status: 503, description: 'storage unavailable; nothing was stored, retry later' })
  async inbound(
    @Req() request: Request,
    @Headers('x-autocase-secret') secretHeader?: string,
    @Headers('x-autocase-mailbox') mailboxHeader?: string,
    @Query('secret') secretQuery?: string,
    @Query('mailbox') mailboxQuery?: string,
  ): Promise<{ id: string; duplicate: boolean }> {
    const secret = secretHeader ?? secretQuery;
    const address = (mailboxHeader ?? mailboxQuery)?.trim().toLowerCase();
    const mailboxes = address ? [await this.processing.mailboxes.getByAddress(address)].filter((mailbox) => mailbox !== null) : await this.processing.mailboxes.list();
    const mailbox = mailboxes.find((candidate) => candidate.enabled && verifyWebhookSecret(candidate.webhookSecret, secret));
    if (!mailbox) throw new UnauthorizedException('unknown mailbox or wrong secret: send the mailbox secret in X-Autocase-Secret');
    const raw: unknown = request.body;
    if (!Buffer.isBuffer(raw) || raw.byteLength === 0) throw validationException([{ path: '(body)', message: 'send the raw message as the request body with Content-Type: message/rfc822' }]);
    try {
      return await this.intake.accept({
        kind: 'email.raw',
        payload: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
        address: mailbox.address,
        receivedAt: this.clock.now().toISOString(),
        metadata: { transport: 'http', remoteAddress: request.ip },
      });
    } catch (error) {
      if (PluginError.is(error) && error.code === 'TEMPORARY') {
        throw new HttpException({ statusCode: 503, error: 'Service Unavailable', message: 'the message could not be stored; retry later' }, HttpStatus.SERVICE_UNAVAILABLE);
      }
      throw error;
    }
  }
}
