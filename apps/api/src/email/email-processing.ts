import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { predictEmailCategory, type CaseEngineDeps, type ProcessInboundEmailDependencies } from '@autocase/core';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { MikroArcRuleRepository, MikroContactRepository, MikroMailboxRepository } from './mikro-email-configuration.js';
import { MikroEmailRepository } from './mikro-email-repository.js';
import { MikroOutboundMailLog, MikroSenderActivityStore } from './mikro-outbound-mail.js';
import type { DefaultOutboundTransport } from './outbound-transport-config.js';
import { OutboundTransports } from './outbound-transports.js';

/** The ports processInboundEmail works with, over the API's database and case engine. */
export interface EmailProcessing extends ProcessInboundEmailDependencies {
  emails: MikroEmailRepository;
  mailboxes: MikroMailboxRepository;
  arcRules: MikroArcRuleRepository;
  contacts: MikroContactRepository;
  outboundLog: MikroOutboundMailLog;
  /** Which transport each mailbox sends through (its own SMTP, else the server's default). */
  outbound: OutboundTransports;
}

export function createEmailProcessing(orm: MikroORM, engine: CaseEngineDeps, secrets: SecretBox, options: { claimLeaseMs?: number; defaultOutbound?: DefaultOutboundTransport } = {}): EmailProcessing {
  const predictions = engine.predictors;
  const outbound = new OutboundTransports(options.defaultOutbound);
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
    outbound,
    mailerFor: (mailbox) => outbound.routeFor(mailbox)?.mailer ?? null,
    events: engine.events,
    clock: engine.clock,
    ids: { next: () => randomUUID() },
    claimLeaseMs: options.claimLeaseMs,
  };
}
