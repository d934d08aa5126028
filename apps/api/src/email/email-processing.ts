import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { CaseEngineDeps, Mailbox, Mailer, ProcessInboundEmailDependencies } from '@autocase/core';
import { createSmtpMailer } from '@autocase/channels/email';
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

export function createEmailProcessing(orm: MikroORM, engine: CaseEngineDeps): EmailProcessing {
  const predictions = engine.predictors;
  return {
    emails: new MikroEmailRepository(orm),
    cases: engine.cases,
    audit: engine.audit,
    notes: engine.notes,
    contacts: new MikroContactRepository(orm, engine.clock),
    mailboxes: new MikroMailboxRepository(orm, engine.clock),
    arcRules: new MikroArcRuleRepository(orm, engine.clock),
    outboundLog: new MikroOutboundMailLog(orm),
    senderActivity: new MikroSenderActivityStore(orm),
    configuration: engine.configuration,
    predictions,
    /** The category condition of ARC rules reads the `category` case field, predicted by the configured predictors. */
    classifyCategory: async (input) => {
      const category = (await engine.configuration.getFields()).find((field) => field.key === 'category');
      if (!category) return null;
      const report = await predictions.run({ fields: [{ ...category, fillOn: ['emailCreation'] }], ...input, channel: 'email', scope: 'emailCreation' });
      const best = report.predictions.filter((prediction) => prediction.field === 'category').sort((left, right) => right.confidence - left.confidence)[0];
      return best && best.confidence >= category.threshold && typeof best.value === 'string' ? best.value : null;
    },
    mailerFor: mailerCache(),
    events: engine.events,
    clock: engine.clock,
    ids: { next: () => randomUUID() },
  };
}
