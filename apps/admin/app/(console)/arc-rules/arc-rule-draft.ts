import type { ArcCondition, ArcRule, ArcRuleItem, FieldMapping } from '@autocase/core';

export type ArcRuleDraft = Omit<ArcRule, 'id'> & { id?: string };

export const TEXT_TARGET_LABELS = {
  'sender-address': 'Sender address',
  'sender-domain': 'Sender domain',
  to: 'To',
  cc: 'Cc',
  recipients: 'Any recipient',
  subject: 'Subject',
  body: 'Body',
  header: 'Header',
} as const;

export const TEXT_OPERATOR_LABELS = {
  contains: 'contains',
  equals: 'equals',
  'starts-with': 'starts with',
  'ends-with': 'ends with',
  regex: 'matches regex',
} as const;

export const NEGATED_OPERATOR_LABELS = {
  contains: 'does not contain',
  equals: 'does not equal',
  'starts-with': 'does not start with',
  'ends-with': 'does not end with',
  regex: 'does not match regex',
} as const;

export const CONDITION_TYPE_LABELS: Record<ArcCondition['type'], string> = {
  text: 'Text matches',
  'sender-known': 'Sender is a known contact',
  'has-attachments': 'Has attachments',
  bulk: 'Bulk or mailing-list mail',
  category: 'Email category is',
};

export const MAPPING_SOURCE_LABELS: Record<FieldMapping['source'], string> = {
  subject: 'Subject',
  'sender-address': 'Sender address',
  'sender-name': 'Sender name',
  'sender-domain': 'Sender domain',
  mailbox: 'Mailbox address',
  header: 'Header',
  constant: 'Fixed value',
};

export const DEFAULT_MAPPINGS: FieldMapping[] = [
  { field: 'title', source: 'subject' },
  { field: 'customerEmail', source: 'sender-address' },
  { field: 'origin', source: 'constant', value: 'email' },
];

const randomId = () => Math.random().toString(36).slice(2, 8);

export function newRuleDraft(mailbox = ''): ArcRuleDraft {
  return {
    mailbox,
    name: 'Support inbox',
    enabled: true,
    items: [newRuleItem(1)],
    resolvedCase: { windowHours: 72, reopen: true },
    updateCaseOnFollowUp: true,
  };
}

export function newRuleItem(position: number): ArcRuleItem {
  return {
    id: `item-${randomId()}`,
    name: position === 1 ? 'Create a case for every email' : `Rule item ${position}`,
    enabled: true,
    match: 'all',
    conditions: [],
    action: 'create-case',
    fieldMappings: DEFAULT_MAPPINGS.map((mapping) => ({ ...mapping })),
    predictFields: true,
    unknownSender: 'create-contact',
    acknowledge: false,
  };
}

export function newCondition(type: ArcCondition['type']): ArcCondition {
  switch (type) {
    case 'text':
      return { type, target: 'subject', operator: 'contains', value: '', caseSensitive: false, negate: false };
    case 'sender-known':
      return { type, known: true };
    case 'has-attachments':
    case 'bulk':
      return { type, value: true };
    case 'category':
      return { type, values: [] };
  }
}

/** One line summary of a condition, e.g. `Subject contains "invoice"`. */
export function describeCondition(condition: ArcCondition): string {
  switch (condition.type) {
    case 'text': {
      const target = condition.target === 'header' ? `Header ${condition.header ?? '?'}` : TEXT_TARGET_LABELS[condition.target];
      const operator = (condition.negate ? NEGATED_OPERATOR_LABELS : TEXT_OPERATOR_LABELS)[condition.operator];
      return `${target} ${operator} "${condition.value}"`;
    }
    case 'sender-known':
      return condition.known ? 'Sender is a known contact' : 'Sender is not a known contact';
    case 'has-attachments':
      return condition.value ? 'Has attachments' : 'Has no attachments';
    case 'bulk':
      return condition.value ? 'Is bulk mail' : 'Is not bulk mail';
    case 'category':
      return `Category is ${condition.values.join(' or ') || '?'}`;
  }
}

/** Errors under `prefix.` with the prefix removed, e.g. `items.0.` → `{ name: … }`. */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = message;
    else if (path === prefix) result[''] = message;
  }
  return result;
}
