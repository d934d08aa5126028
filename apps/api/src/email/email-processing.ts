import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { predictEmailCategory, type CaseEngineDeps, type Mailbox, type Mailer, type ProcessInboundEmailDependencies } from '@autocase/core';
import { createSmtpMailer } from '@autocase/channels/email';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { MikroArcRuleRepository, MikroContactRepository, MikroMailboxRepository } from './mikro-email-configuration.js';
import { MikroEmailRepository } from './mikro-email-repository.js';
import { MikroOutboundMailLog, MikroSenderActivityStore } from './mikro-outbound-mail.js';

/** The ports processInboundEmail works with, over the API's database and case engine. */
export interface EmailProcessing extends ProcessInboundEmailDependencies {
  emails: MikroEmailRepository;
  mailboxes: MikroMailboxRepository;
  arcRules: MikroArcRuleRepository;
  contacts: MikroContactRepository;
  outboundLog: MikroOutboundMailLog;
}

/** One nodemailer transport per mailbox and SMTP settings, reused between messages. */
function mailerCache(): (mailbox: Mailbox | null) => Mailer | null {
  const mailers = new Map<string, { key: string; mailer: ReturnType<typeof createSmtpMailer> }>();
  return (mailbox) => {
    if (!mailbox?.smtp) return null;
    const key = JSON.stringify(mailbox.smtp);
    const cached = mailers.get(mailbox.address);
    if (cached?.key === key) return cached.mailer;
    cached?.mailer.close();
    const mailer = createSmtpMailer(mailbox.smtp, { defaultFrom: mailbox.displayName ? `"${mailbox.displayName.replace(/"/g, '')}" <${mailbox.address}>` : mailbox.address });
    mailers.set(mailbox.address, { key, mailer });
    return mailer;
  };
}

export function createEmailProcessing(orm: MikroORM, engine: CaseEngineDeps, secrets: SecretBox, options: { claimLeaseMs?: number } = {}): EmailProcessing {
  const predictions = engine.predictors;
  return {
    emails: new MikroEmailRepository(orm),
    cases: engine.cases,
    audit: engine.audit,
    notes: engine.notes,
    contacts: new MikroContactRepository(orm, engine.clock),
    mailboxes: new MikroMailboxRepository(orm, engine.clock, secrets),
    arcRules: new MikroArcRuleRepository(orm, engine.clock),
    outboundLog: new MikroOutboundMailLog(orm),
    senderActivity: new MikroSenderActivityStore(orm),
    configuration: engine.configuration,
    predictions,
    predictionLog: engine.predictionLog,
    unitOfWork: engine.unitOfWork,
    /** The category condition of ARC rules reads the `category` case field, predicted by the configured predictors. */
    classifyCategory: (input) => predictEmailCategory({ predictions, configuration: engine.configuration }, input),
    mailerFor: mailerCache(),
    events: engine.events,
    clock: engine.clock,
    ids: { next: () => randomUUID() },
    claimLeaseMs: options.claimLeaseMs,
  };
}
