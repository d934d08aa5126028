import { randomUUID } from 'node:crypto';
import { BadGatewayException, Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ConflictError, NotFoundError, normalizeMessageId, type CaseEngineDeps, type EmailMessage, type OutboundMailRecord } from '@autocase/core';
import { composeCaseReply, extractAttachment, processStoredEmail } from '@autocase/channels/email';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth-decorators.js';
import type { User } from '../auth/user.js';
import { ApiZodBody, ApiZodQuery } from '../http/api-zod-body.js';
import { attachmentDisposition } from '../http/attachment-disposition.js';
import { ZodValidationPipe } from '../http/zod-validation-pipe.js';
import { CASE_ENGINE } from '../tokens.js';
import type { EmailMetrics } from './email-metrics.js';
import type { EmailProcessing } from './email-processing.js';
import { EMAIL_METRICS, EMAIL_PROCESSING } from './email-tokens.js';
import { CaseReplySchema, EmailListQuerySchema } from './email-views.js';
import type { OutboundTransportView } from './outbound-transports.js';

/** The answer to an agent's email reply. */
export interface SentReply {
  messageId: string;
  to: string[];
  subject: string;
  transport: OutboundTransportView['kind'];
  /** False when the server's development outbox kept the message instead of delivering it. */
  delivered: boolean;
  transportDescription: string;
}

@ApiTags('emails')
@ApiBearerAuth()
@Controller()
export class EmailsController {
  constructor(
    @Inject(EMAIL_PROCESSING) private readonly processing: EmailProcessing,
    @Inject(EMAIL_METRICS) private readonly metrics: EmailMetrics,
    @Inject(CASE_ENGINE) private readonly engine: CaseEngineDeps,
  ) {}

  /** Every inbound email with its ARC outcome, reason, Message-ID and case. */
  @Get('emails')
  @ApiZodQuery(EmailListQuerySchema)
  async list(@Query(new ZodValidationPipe(EmailListQuerySchema, 'query')) query: z.infer<typeof EmailListQuerySchema>): Promise<{ items: EmailMessage[]; total: number; page: number; pageSize: number }> {
    const page = await this.processing.emails.list(query);
    return { ...page, page: query.page, pageSize: query.pageSize };
  }

  @Get('emails/:id')
  async get(@Param('id') id: string): Promise<EmailMessage> {
    return this.requireEmail(id);
  }

  /** The message exactly as received. */
  @Get('emails/:id/raw')
  @ApiProduces('message/rfc822')
  @ApiResponse({ status: 200, description: 'the raw message exactly as received (.eml)', content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } } })
  async raw(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const raw = await this.processing.emails.getRaw(id);
    if (!raw) throw new NotFoundError('Email', id);
    response.setHeader('content-type', 'message/rfc822');
    response.setHeader('content-disposition', attachmentDisposition(`${id}.eml`));
    response.end(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  }

  /** One attachment, by its position in `attachments` or as `cid:<content-id>` (inline images). */
  @Get('emails/:id/attachments/:ref')
  @ApiParam({ name: 'ref', description: 'the position in the email\'s `attachments` (0, 1, …) or `cid:<content-id>` of an inline image' })
  @ApiResponse({ status: 200, description: 'the attachment bytes, with its content type and file name', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 404, description: 'no such email or attachment' })
  async attachment(@Param('id') id: string, @Param('ref') ref: string, @Res() response: Response): Promise<void> {
    const raw = await this.processing.emails.getRaw(id);
    if (!raw) throw new NotFoundError('Email', id);
    const selector = /^\d+$/.test(ref) ? { index: Number(ref) } : { contentId: ref.replace(/^cid:/i, '') };
    const attachment = await extractAttachment(raw, selector);
    if (!attachment) throw new NotFoundError(`Attachment of email ${id}`, ref);
    response.setHeader('content-type', attachment.contentType);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-disposition', attachmentDisposition(attachment.filename ?? `attachment-${ref}`));
    response.end(Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength));
  }

  /** Processes the email again: a failed one, or a skipped one after the rules changed. An email with a case is never processed twice. */
  @Roles('admin')
  @Post('emails/:id/reprocess')
  async reprocess(@Param('id') id: string): Promise<{ email: EmailMessage; outcome: string; alreadyProcessed: boolean }> {
    // Also an email still `received` (its job failed or was lost): processed now, unless a worker holds it (409).
    await this.requireEmail(id);
    const result = await processStoredEmail(this.processing, id, { reprocess: true });
    this.metrics.processed(result, { reprocess: true });
    return { email: result.email, outcome: result.outcome, alreadyProcessed: result.alreadyProcessed };
  }

  @Get('cases/:id/emails')
  async forCase(@Param('id') id: string): Promise<{ items: EmailMessage[]; total: number }> {
    const caseRecord = await this.requireCase(id);
    const items: EmailMessage[] = [];
    for (let page = 1; ; page += 1) {
      const batch = await this.processing.emails.list({ caseId: caseRecord.id, page, pageSize: 200 });
      items.push(...batch.items);
      if (batch.items.length < 200) break;
    }
    items.reverse();
    return { items, total: items.length };
  }

  /** What was sent (or tried) on the case — acknowledgements and agent replies — oldest first, each with its delivery state. */
  @Get('cases/:id/outbound-emails')
  @ApiParam({ name: 'id', description: 'the case id or number (e.g. CAS-00042)' })
  @ApiResponse({ status: 200, description: '`{ items, total }`: messageId, kind, to, subject, text, sentBy, sentAt, delivery (sent | failed | bounced), deliveryError, transport (mailbox-smtp, server-smtp, outbox) and delivered (false when kept in the development outbox)' })
  @ApiResponse({ status: 404, description: 'no case with that id or number' })
  async outboundForCase(@Param('id') id: string): Promise<{ items: (OutboundMailRecord & { delivery: NonNullable<OutboundMailRecord['delivery']> })[]; total: number }> {
    const caseRecord = await this.requireCase(id);
    const items = (await this.processing.outboundLog.listForCase(caseRecord.id)).map((record) => ({ ...record, delivery: record.delivery ?? 'sent' }));
    return { items, total: items.length };
  }

  /**
   * An agent's reply by email: threaded on the case's latest email, with the tracking token; sent
   * through the mailbox's own SMTP, else the server's default transport (`MAIL_DEFAULT_TRANSPORT`).
   */
  @Post('cases/:id/email-replies')
  @ApiParam({ name: 'id', description: 'the case id or number (e.g. CAS-00042)' })
  @ApiResponse({
    status: 201,
    description: 'sent through the mailbox\'s SMTP or the server\'s default transport (`transport`; `delivered` is false for the development outbox), threaded on the case\'s latest email with the tracking token',
    schema: { type: 'object', properties: { messageId: { type: 'string' }, to: { type: 'array', items: { type: 'string' } }, subject: { type: 'string' }, transport: { type: 'string' }, delivered: { type: 'boolean' }, transportDescription: { type: 'string' } } },
  })
  @ApiResponse({ status: 409, description: 'the mailbox has no outbound SMTP and the server no default transport (MAIL_DEFAULT_TRANSPORT=none)' })
  @ApiZodBody(CaseReplySchema)
  async reply(@Param('id') id: string, @Body(new ZodValidationPipe(CaseReplySchema)) body: z.infer<typeof CaseReplySchema>, @CurrentUser() user: User): Promise<SentReply> {
    const caseRecord = await this.requireCase(id);
    // The latest email a person wrote on the case (not a bounce or an auto-reply).
    const latest = (await this.processing.emails.list({ caseId: caseRecord.id, pageSize: 50 })).items.find((email) => email.classification?.kind === 'regular') ?? null;
    const mailboxAddress = body.mailbox ?? latest?.mailbox ?? (await this.processing.mailboxes.list())[0]?.address;
    if (!mailboxAddress) throw new NotFoundError('Mailbox', 'to send from');
    const mailbox = await this.processing.mailboxes.getByAddress(mailboxAddress);
    if (!mailbox) throw new NotFoundError('Mailbox', mailboxAddress);
    const route = this.processing.outbound.routeFor(mailbox);
    if (!route) throw new ConflictError(`mailbox ${mailbox.address} has no outbound SMTP settings and the server has no default transport (MAIL_DEFAULT_TRANSPORT=none); set outbound SMTP on the mailbox in the admin console`);
    const message = composeCaseReply({
      caseRecord,
      mailboxAddress: mailbox.address,
      ...(mailbox.smtp?.from ? { from: mailbox.smtp.from } : {}),
      lastEmail: latest,
      text: body.text,
      ...(body.html ? { html: body.html } : {}),
      ...(body.to ? { to: body.to } : {}),
    });
    const at = this.engine.clock.now().toISOString();
    const sentBy = user.displayName ?? user.email;
    const record = { caseId: caseRecord.id, kind: 'agent-reply' as const, to: message.to, subject: message.subject, sentAt: at, text: message.text, sentBy, transport: route.kind, delivered: route.delivers };
    let sent;
    try {
      sent = await route.mailer.send(message);
    } catch (error) {
      // The case shows the reply that did not go out, and why; the agent gets the reason too.
      const reason = error instanceof Error ? error.message : String(error);
      await this.processing.outboundLog.record({ ...record, messageId: message.messageId ?? randomUUID(), delivery: 'failed', deliveryError: reason });
      throw new BadGatewayException(`the reply could not be sent through ${route.description}: ${reason}`);
    }
    const messageId = normalizeMessageId(sent.messageId) ?? message.messageId!;
    await this.processing.outboundLog.record({ ...record, messageId, delivery: 'sent' });
    const where = route.delivers ? '' : ' (kept in the outbox, not delivered)';
    await this.engine.audit.append([
      { id: randomUUID(), caseId: caseRecord.id, at, action: 'note-added', actor: { type: 'user', id: user.id, name: user.displayName ?? user.email }, source: 'agent', reason: `email reply sent to ${message.to.join(', ')} (${messageId})${where}` },
    ]);
    return { messageId, to: message.to, subject: message.subject, transport: route.kind, delivered: route.delivers, transportDescription: route.description };
  }

  private async requireEmail(id: string): Promise<EmailMessage> {
    const email = await this.processing.emails.get(id);
    if (!email) throw new NotFoundError('Email', id);
    return email;
  }

  private async requireCase(idOrNumber: string) {
    const found = (await this.engine.cases.get(idOrNumber)) ?? (/^[A-Z][A-Z0-9]*-\d+$/i.test(idOrNumber) ? await this.engine.cases.getByNumber(idOrNumber) : null);
    if (!found) throw new NotFoundError('case', idOrNumber);
    return found;
  }
}
