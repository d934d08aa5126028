import type { EmailMessage, EmailOutcome, ProcessInboundEmailResult } from '@autocase/core';
import { EMAIL_OUTCOMES } from '@autocase/core';
import { Counter, Histogram, type Registry } from 'prom-client';

export const EMAIL_CHANNEL_LABELS = ['smtp', 'imap', 'http'] as const;
export type EmailChannelLabel = (typeof EMAIL_CHANNEL_LABELS)[number];
export const SMTP_REJECTION_CODES = [451, 550, 552] as const;

/**
 * Email metrics on the app's Prometheus registry (`/api/metrics`): inbound emails stored per
 * channel, outcomes, acknowledgements sent, SMTP refusals per reply code, and the time from
 * storing an email to its outcome.
 */
export class EmailMetrics {
  readonly inbound: Counter<'channel'>;
  readonly outcomes: Counter<'outcome'>;
  readonly acknowledgements: Counter;
  readonly smtpRejections: Counter<'code'>;
  readonly processingSeconds: Histogram<'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.inbound = new Counter({ name: 'autocase_email_inbound_total', help: 'Inbound emails stored, by channel (smtp, imap, http)', labelNames: ['channel'], registers });
    this.outcomes = new Counter({ name: 'autocase_email_outcomes_total', help: 'Processed inbound emails by outcome (case-created, linked, skipped, failed, spam)', labelNames: ['outcome'], registers });
    this.acknowledgements = new Counter({ name: 'autocase_email_acknowledgements_total', help: 'Automatic acknowledgements sent', registers });
    this.smtpRejections = new Counter({ name: 'autocase_email_smtp_rejections_total', help: 'SMTP commands refused, by reply code (451 storage down, 550 unknown mailbox, 552 too large, 530 STARTTLS first)', labelNames: ['code'], registers });
    this.processingSeconds = new Histogram({
      name: 'autocase_email_processing_seconds',
      help: 'Time from storing an inbound email to its outcome',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    });
    for (const channel of EMAIL_CHANNEL_LABELS) this.inbound.inc({ channel }, 0);
    for (const outcome of EMAIL_OUTCOMES) this.outcomes.inc({ outcome }, 0);
    for (const code of SMTP_REJECTION_CODES) this.smtpRejections.inc({ code: String(code) }, 0);
  }

  /** A message was stored (a redelivery too) by the channel named in the item's `metadata.transport`. */
  stored(transport: unknown): void {
    if (EMAIL_CHANNEL_LABELS.includes(transport as EmailChannelLabel)) this.inbound.inc({ channel: transport as EmailChannelLabel });
  }

  smtpRejected(code: number): void {
    this.smtpRejections.inc({ code: String(code) });
  }

  /** A processing run ended: counts a new outcome and its acknowledgement; a run that found the work done counts nothing. */
  processed(result: ProcessInboundEmailResult, options: { reprocess?: boolean } = {}): void {
    if (result.alreadyProcessed) return;
    if (result.acknowledged) this.acknowledgements.inc();
    this.outcome(result.email, result.outcome, options);
  }

  /** Records an outcome; the stored → outcome time only for a first processing (a reprocess would measure the wait for the admin). */
  outcome(email: EmailMessage, outcome: EmailOutcome, options: { reprocess?: boolean } = {}): void {
    this.outcomes.inc({ outcome });
    if (options.reprocess || !email.processedAt) return;
    const seconds = (Date.parse(email.processedAt) - Date.parse(email.receivedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) this.processingSeconds.observe({ outcome }, seconds);
  }
}
