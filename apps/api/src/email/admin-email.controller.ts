import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ArcRuleSchema, ImapSettingsSchema, MailboxSchema, NotFoundError, saveArcRule, SmtpOutboundSettingsSchema, type ArcRule, type Mailbox } from '@autocase/core';
import { createSmtpMailer, dryRunArcRule, testImapConnection, type DryRunResult } from '@autocase/channels/email';
import type { Request } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth-decorators.js';
import { ApiZodBody } from '../http/api-zod-body.js';
import { describeZodIssues, validationException, ZodValidationPipe } from '../http/zod-validation-pipe.js';
import type { EmailChannels } from './email-channels.js';
import type { EmailProcessing } from './email-processing.js';
import { EMAIL_CHANNELS, EMAIL_PROCESSING } from './email-tokens.js';
import { ConnectionTestSchema, generateWebhookSecret, mailboxView, parseMailboxInput, storedPasswordFor, type MailboxView } from './email-views.js';
import type { OutboundTransportView } from './outbound-transports.js';

/** `POST /admin/arc-rules/dry-run` with JSON: a rule as typed (not saved) and the raw email text. */
const DryRunUnsavedSchema = z.object({
  rule: ArcRuleSchema,
  eml: z.string().min(1, 'paste the raw email (.eml) to try the rule on'),
});

export type MailboxAdminView = ReturnType<typeof mailboxView> & { outboundTransport: OutboundTransportView };

@ApiTags('admin: email')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminEmailController {
  constructor(
    @Inject(EMAIL_PROCESSING) private readonly processing: EmailProcessing,
    @Inject(EMAIL_CHANNELS) private readonly channels: EmailChannels,
  ) {}

  @Get('mailboxes')
  async mailboxes(): Promise<{ items: MailboxAdminView[]; total: number }> {
    const items = (await this.processing.mailboxes.list()).map((mailbox) => this.view(mailbox));
    return { items, total: items.length };
  }

  /** The server's default outbound transport: what a mailbox without its own SMTP sends through. */
  @Get('mailboxes/default-transport')
  defaultTransport(): OutboundTransportView {
    return this.processing.outbound.describe(null);
  }

  @Get('mailboxes/:id')
  async mailbox(@Param('id') id: string): Promise<MailboxAdminView> {
    return this.view(await this.requireMailbox(id));
  }

  /**
   * Creates a mailbox (inbound address, webhook secret, IMAP account, outbound SMTP, acknowledgement template).
   * Without a webhookSecret one is generated. This answer is the only one that shows the webhook secret.
   */
  @Post('mailboxes')
  @ApiZodBody(MailboxSchema, 'the mailbox: address, displayName, webhookSecret (for POST /api/channels/email/inbound; generated when omitted, shown only in this answer), imap, smtp, acknowledgement')
  async createMailbox(@Body() body: unknown): Promise<MailboxView & { webhookSecret: string }> {
    const parsed = parseMailboxInput(body, null);
    if (!parsed.success) throw validationException(parsed.issues);
    const { id: _ignored, ...mailbox } = parsed.data;
    const webhookSecret = mailbox.webhookSecret ?? generateWebhookSecret();
    return { ...(await this.saveMailbox({ ...mailbox, webhookSecret })), webhookSecret };
  }

  /** Replaces a mailbox; blank passwords keep the stored ones (for the same host only), an absent webhookSecret keeps the stored one. */
  @Put('mailboxes/:id')
  @ApiZodBody(MailboxSchema, 'the whole mailbox; blank imap/smtp passwords keep the stored ones while the host stays the same; omit webhookSecret to keep it')
  async updateMailbox(@Param('id') id: string, @Body() body: unknown): Promise<MailboxView> {
    const stored = await this.requireMailbox(id);
    const parsed = parseMailboxInput(body, stored);
    if (!parsed.success) throw validationException(parsed.issues);
    return this.saveMailbox({ ...parsed.data, id });
  }

  /** Replaces the webhook secret with a new random one; this answer is the only one that shows it. The old one stops working at once. */
  @Post('mailboxes/:id/webhook-secret')
  @HttpCode(200)
  async rotateWebhookSecret(@Param('id') id: string): Promise<{ webhookSecret: string }> {
    const stored = await this.requireMailbox(id);
    const webhookSecret = generateWebhookSecret();
    await this.saveMailbox({ ...stored, webhookSecret });
    return { webhookSecret };
  }

  @Delete('mailboxes/:id')
  @HttpCode(204)
  async deleteMailbox(@Param('id') id: string): Promise<void> {
    await this.requireMailbox(id);
    await this.processing.mailboxes.delete(id);
    await this.channels.mailboxesChanged(await this.processing.mailboxes.list());
  }

  /** Connects with the settings as typed (a blank password uses the stored one, only with the host it was saved with). */
  @Post('mailboxes/test-connection')
  @HttpCode(200)
  @ApiZodBody(ConnectionTestSchema)
  async testConnection(@Body(new ZodValidationPipe(ConnectionTestSchema)) body: z.infer<typeof ConnectionTestSchema>): Promise<{ ok: boolean; message: string }> {
    const stored = body.mailboxId ? await this.processing.mailboxes.get(body.mailboxId) : null;
    const settings = { ...body.settings };
    const kept = storedPasswordFor(body.kind, settings, stored, 'settings');
    if (kept.issue) throw validationException([kept.issue]);
    if (kept.password) settings.password = kept.password;
    if (body.kind === 'smtp') {
      const parsed = SmtpOutboundSettingsSchema.safeParse(settings);
      if (!parsed.success) throw validationException(describeZodIssues(parsed.error, 'settings'));
      const mailer = createSmtpMailer(parsed.data);
      try {
        await mailer.verify();
        return { ok: true, message: `Connected to ${parsed.data.host}:${parsed.data.port}.` };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      } finally {
        mailer.close();
      }
    }
    const parsed = ImapSettingsSchema.safeParse(settings);
    if (!parsed.success) throw validationException(describeZodIssues(parsed.error, 'settings'));
    return testImapConnection(parsed.data);
  }

  @Get('arc-rules')
  async arcRules(): Promise<{ items: ArcRule[]; total: number }> {
    const items = await this.processing.arcRules.list();
    return { items, total: items.length };
  }

  @Get('arc-rules/:id')
  async arcRule(@Param('id') id: string): Promise<ArcRule> {
    return this.requireRule(id);
  }

  @Post('arc-rules')
  @ApiZodBody(ArcRuleSchema)
  async createArcRule(@Body(new ZodValidationPipe(ArcRuleSchema)) body: z.infer<typeof ArcRuleSchema>): Promise<ArcRule> {
    const { id: _ignored, ...rule } = body;
    return saveArcRule(this.processing, rule);
  }

  @Put('arc-rules/:id')
  @ApiZodBody(ArcRuleSchema)
  async updateArcRule(@Param('id') id: string, @Body(new ZodValidationPipe(ArcRuleSchema)) body: z.infer<typeof ArcRuleSchema>): Promise<ArcRule> {
    return saveArcRule(this.processing, { ...body, id });
  }

  @Delete('arc-rules/:id')
  @HttpCode(204)
  async deleteArcRule(@Param('id') id: string): Promise<void> {
    if (!(await this.processing.arcRules.delete(id))) throw new NotFoundError('ARC rule', id);
  }

  /**
   * What a rule would do with an email, without side effects: the raw `.eml` as the body
   * (`message/rfc822`, query `ruleId`, or `mailbox` for its enabled rule), or JSON
   * `{ rule, eml }` to try a rule that is not saved (yet) — e.g. the editor's unsaved changes.
   */
  @Post('arc-rules/dry-run')
  @HttpCode(200)
  @ApiConsumes('message/rfc822', 'application/json')
  @ApiBody({ description: 'the raw .eml to try the saved rule on (query: ruleId, or mailbox for its enabled rule), or JSON { rule: <an ARC rule, saved or not>, eml: "<raw email text>" }', schema: { type: 'string', format: 'binary' } })
  async dryRun(@Req() request: Request, @Query('ruleId') ruleId?: string, @Query('mailbox') mailbox?: string): Promise<DryRunResult> {
    const { rule, raw } = await this.dryRunInput(request.body, ruleId, mailbox);
    const target = mailbox ?? (Buffer.isBuffer(request.body) ? undefined : rule.mailbox);
    const preview = await dryRunArcRule(rule, raw, { senderKnown: false, ...(target ? { mailbox: target } : {}) });
    if (!preview.ok || !preview.email.from?.address) return preview;
    const senderKnown = (await this.processing.contacts.findByEmail(preview.email.from.address)) !== null;
    const category = await this.processing.classifyCategory?.({ messages: [{ id: 'dry-run', author: 'customer', text: `${preview.email.subject}\n\n${preview.email.newText}` }], context: { channel: 'email', subject: preview.email.subject, sender: preview.email.from.address } });
    return dryRunArcRule(rule, raw, { senderKnown, category: category ?? null, ...(target ? { mailbox: target } : {}) });
  }

  private async dryRunInput(body: unknown, ruleId: string | undefined, mailbox: string | undefined): Promise<{ rule: ArcRule; raw: Uint8Array }> {
    if (Buffer.isBuffer(body)) {
      if (body.byteLength === 0) throw validationException([{ path: '(body)', message: 'send the raw .eml as the request body with Content-Type: message/rfc822' }]);
      const rule = ruleId ? await this.requireRule(ruleId) : mailbox ? await this.processing.arcRules.findForMailbox(mailbox) : null;
      if (!rule) throw new NotFoundError('ARC rule', ruleId ?? `for mailbox ${mailbox ?? '(none given)'}`);
      return { rule, raw: new Uint8Array(body) };
    }
    const parsed = DryRunUnsavedSchema.safeParse(body);
    if (!parsed.success) throw validationException(describeZodIssues(parsed.error));
    const { id, ...rule } = parsed.data.rule;
    return { rule: { ...rule, id: id ?? 'unsaved' }, raw: new TextEncoder().encode(parsed.data.eml) };
  }

  private async saveMailbox(mailbox: Mailbox) {
    const existing = await this.processing.mailboxes.getByAddress(mailbox.address);
    if (existing && existing.id !== mailbox.id) throw validationException([{ path: 'address', message: `mailbox ${mailbox.address} already exists` }]);
    const saved = await this.processing.mailboxes.save(mailbox);
    await this.channels.mailboxesChanged(await this.processing.mailboxes.list());
    return this.view(saved);
  }

  /** The mailbox as admins see it (no passwords), with the transport its replies and acknowledgements use. */
  private view(mailbox: Mailbox & { id: string }): MailboxAdminView {
    return { ...mailboxView(mailbox), outboundTransport: this.processing.outbound.describe(mailbox) };
  }

  private async requireMailbox(id: string): Promise<Mailbox & { id: string }> {
    const mailbox = await this.processing.mailboxes.get(id);
    if (!mailbox) throw new NotFoundError('Mailbox', id);
    return mailbox;
  }

  private async requireRule(id: string): Promise<ArcRule> {
    const rule = await this.processing.arcRules.get(id);
    if (!rule) throw new NotFoundError('ARC rule', id);
    return rule;
  }
}
