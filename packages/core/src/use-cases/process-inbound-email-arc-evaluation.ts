import type { ArcCondition, ArcRule, ArcRuleItem, FieldMapping } from '../domain/arc-rule.js';
import type { ParsedEmail } from '../domain/email.js';
import type { FieldValue } from '../domain/field-definition.js';

/** What an ARC rule sees of an email. */
export interface ArcEmailFacts {
  email: ParsedEmail;
  /** Mailbox address it arrived in. */
  mailbox: string;
  /** Whether the sender matches a contact. */
  senderKnown: boolean;
  /** Category from the classifier predictor, when the rule asked for one. */
  category?: string | null;
}

export type PlannedArcAction =
  | { type: 'skip'; reason: string }
  | { type: 'create-contact'; email: string; name?: string }
  | { type: 'create-case'; title: string; fieldValues: Record<string, FieldValue>; predictFields: boolean }
  | { type: 'acknowledge' };

/** The decision of a rule for one email (also the dry-run answer). */
export interface ArcEvaluation {
  ruleId: string | null;
  /** The first enabled item whose conditions hold, or null. */
  item: { id: string; name: string } | null;
  /** Why: which item matched or why nothing did. */
  reason: string;
  plannedActions: PlannedArcAction[];
}

function senderDomain(email: ParsedEmail): string {
  const address = email.from?.address ?? '';
  return address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '';
}

function textCandidates(condition: Extract<ArcCondition, { type: 'text' }>, facts: ArcEmailFacts): string[] {
  const { email } = facts;
  switch (condition.target) {
    case 'sender-address':
      return [email.from?.address ?? ''];
    case 'sender-domain':
      return [senderDomain(email)];
    case 'to':
      return email.to.map((address) => address.address);
    case 'cc':
      return email.cc.map((address) => address.address);
    case 'recipients':
      return [...email.to, ...email.cc].map((address) => address.address);
    case 'subject':
      return [email.subject];
    case 'body':
      return [email.text];
    case 'header':
      return email.headers[(condition.header ?? '').toLowerCase()] ?? [];
  }
}

function textMatches(condition: Extract<ArcCondition, { type: 'text' }>, candidate: string): boolean {
  if (condition.operator === 'regex') return new RegExp(condition.value, condition.caseSensitive ? '' : 'i').test(candidate);
  const haystack = condition.caseSensitive ? candidate : candidate.toLowerCase();
  const needle = condition.caseSensitive ? condition.value : condition.value.toLowerCase();
  switch (condition.operator) {
    case 'equals':
      return haystack.trim() === needle.trim();
    case 'contains':
      return haystack.includes(needle);
    case 'starts-with':
      return haystack.startsWith(needle);
    case 'ends-with':
      return haystack.endsWith(needle);
  }
}

export function conditionHolds(condition: ArcCondition, facts: ArcEmailFacts): boolean {
  switch (condition.type) {
    case 'text': {
      const matched = textCandidates(condition, facts).some((candidate) => textMatches(condition, candidate));
      return condition.negate ? !matched : matched;
    }
    case 'sender-known':
      return facts.senderKnown === condition.known;
    case 'has-attachments':
      return facts.email.attachments.some((attachment) => !attachment.inline || attachment.filename !== null) === condition.value;
    case 'bulk':
      return facts.email.classification.bulk === condition.value;
    case 'category':
      return facts.category != null && condition.values.some((value) => value.toLowerCase() === facts.category!.toLowerCase());
  }
}

function itemMatches(item: ArcRuleItem, facts: ArcEmailFacts): boolean {
  if (item.conditions.length === 0) return true;
  return item.match === 'all'
    ? item.conditions.every((condition) => conditionHolds(condition, facts))
    : item.conditions.some((condition) => conditionHolds(condition, facts));
}

/** Whether evaluating this rule needs the classifier's category (so it is only asked when needed). */
export function ruleNeedsCategory(rule: ArcRule | null): boolean {
  return Boolean(rule?.items.some((item) => item.enabled && item.conditions.some((condition) => condition.type === 'category')));
}

/** Title and field values from the item's mappings. */
export function applyFieldMappings(mappings: FieldMapping[], email: ParsedEmail, mailbox: string): { title: string; fieldValues: Record<string, FieldValue> } {
  const fieldValues: Record<string, FieldValue> = {};
  let title = email.subject.trim() || '(no subject)';
  for (const mapping of mappings) {
    let value: FieldValue;
    switch (mapping.source) {
      case 'subject':
        value = email.subject.trim() || '(no subject)';
        break;
      case 'sender-address':
        value = email.from?.address || null;
        break;
      case 'sender-name':
        value = email.from?.name || email.from?.address || null;
        break;
      case 'sender-domain':
        value = senderDomain(email) || null;
        break;
      case 'mailbox':
        value = mailbox;
        break;
      case 'header':
        value = email.headers[(mapping.header ?? '').toLowerCase()]?.[0]?.trim() || null;
        break;
      case 'constant':
        value = mapping.value ?? null;
        break;
    }
    if (mapping.field === 'title') title = value === null ? title : String(value);
    else if (value !== null) fieldValues[mapping.field] = value;
  }
  return { title, fieldValues };
}

/** Whether an email may ever get an automatic acknowledgement (no bulk, machines or auto-responders). */
export function mayAcknowledge(email: ParsedEmail): boolean {
  return email.classification.kind === 'regular' && !email.classification.bulk && Boolean(email.from?.address);
}

/** Pure: which item of the rule matches and what it would do. Used by processing and by dry-run. */
export function evaluateArcRule(rule: ArcRule | null, facts: ArcEmailFacts): ArcEvaluation {
  if (!rule || !rule.enabled) {
    const reason = rule ? `ARC rule "${rule.name}" is disabled` : `no ARC rule for mailbox ${facts.mailbox}`;
    return { ruleId: rule?.id ?? null, item: null, reason, plannedActions: [{ type: 'skip', reason }] };
  }
  const item = rule.items.find((candidate) => candidate.enabled && itemMatches(candidate, facts));
  if (!item) {
    const reason = `no item of ARC rule "${rule.name}" matched`;
    return { ruleId: rule.id, item: null, reason, plannedActions: [{ type: 'skip', reason }] };
  }
  const matched = { id: item.id, name: item.name };
  if (item.action === 'skip') {
    const reason = `rule item "${item.name}" skips it`;
    return { ruleId: rule.id, item: matched, reason, plannedActions: [{ type: 'skip', reason }] };
  }
  const sender = facts.email.from?.address ?? '';
  if (!facts.senderKnown && item.unknownSender === 'skip') {
    const reason = `rule item "${item.name}": unknown sender ${sender || '<>'} is skipped`;
    return { ruleId: rule.id, item: matched, reason, plannedActions: [{ type: 'skip', reason }] };
  }
  const plannedActions: PlannedArcAction[] = [];
  if (!facts.senderKnown && sender) {
    const name = facts.email.from?.name;
    plannedActions.push(name ? { type: 'create-contact', email: sender, name } : { type: 'create-contact', email: sender });
  }
  const { title, fieldValues } = applyFieldMappings(item.fieldMappings, facts.email, facts.mailbox);
  plannedActions.push({ type: 'create-case', title, fieldValues, predictFields: item.predictFields });
  if (item.acknowledge && mayAcknowledge(facts.email)) plannedActions.push({ type: 'acknowledge' });
  return { ruleId: rule.id, item: matched, reason: `rule item "${item.name}" matched`, plannedActions };
}
