import { defineEntity, p } from '@mikro-orm/core';

/** People's spam / not-spam decisions: the training examples of the deployment's classifier. */
export const SpamDecisionEntity = defineEntity({
  name: 'SpamDecision',
  tableName: 'spam_decisions',
  properties: {
    id: p.string().length(36).primary(),
    emailId: p.string().length(36).index(),
    mailbox: p.string().length(320),
    verdict: p.string().length(16),
    decidedBy: p.string().length(320),
    decidedAt: p.string().length(32).index(),
  },
});
