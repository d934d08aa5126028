import type { ArcRule } from '../domain/arc-rule.js';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { ArcRuleRepository, MailboxRepository } from '../ports/email-ports.js';

export interface SaveArcRulePorts {
  arcRules: ArcRuleRepository;
  mailboxes: Pick<MailboxRepository, 'getByAddress'>;
}

/**
 * Creates or replaces an ARC rule. A rule belongs to a mailbox that exists, and a mailbox has one
 * rule (its items are the ordered alternatives): a misspelt mailbox is a 400, a second rule for
 * the same mailbox a 409 naming the rule to edit instead.
 */
export async function saveArcRule(ports: SaveArcRulePorts, rule: Omit<ArcRule, 'id'> & { id?: string }): Promise<ArcRule> {
  const mailbox = rule.mailbox.trim().toLowerCase();
  if (rule.id && !(await ports.arcRules.get(rule.id))) throw new NotFoundError('ARC rule', rule.id);
  if (!(await ports.mailboxes.getByAddress(mailbox))) {
    throw new ValidationError('unknown mailbox', [{ path: 'mailbox', message: `no mailbox ${mailbox} exists; create it under Mailboxes first, or pick one of the existing mailboxes` }]);
  }
  const other = (await ports.arcRules.list()).find((existing) => existing.mailbox === mailbox && existing.id !== rule.id);
  if (other) {
    const message = `mailbox ${mailbox} already has the ARC rule "${other.name}"; a mailbox has one rule: add items to that rule instead`;
    throw new ConflictError(message, { issues: [{ path: 'mailbox', message }], ruleId: other.id });
  }
  return ports.arcRules.save({ ...rule, mailbox });
}
