import { ArcRuleSchema, MailboxSchema, type FieldDefinitionInput } from '@autocase/core';

/** The small demo configuration a new user sees on the embedded default. */
export const DEMO_FIELDS: FieldDefinitionInput[] = [
  {
    key: 'category',
    label: 'Category',
    type: 'choice',
    description: 'What the customer needs help with.',
    requiredForCreation: true,
    options: [
      { value: 'billing', label: 'Billing', description: 'Use when the customer asks about invoices, charges, refunds of a payment or payment methods. Not for returns of goods.' },
      { value: 'shipping', label: 'Shipping', description: 'Use when the question is about delivery: where a parcel is, delays, wrong address, damaged in transit.' },
      { value: 'returns', label: 'Returns', description: 'Use when the customer wants to send an item back or exchange it. Not for lost parcels.' },
      { value: 'product', label: 'Product question', description: 'Use for questions about how a product works, sizes, compatibility or defects.' },
      { value: 'account', label: 'Account', description: 'Use for login problems, password resets, changing personal data or deleting the account.' },
    ],
    threshold: 0.6,
  },
  {
    key: 'priority',
    label: 'Priority',
    type: 'choice',
    description: 'How urgent the case is: high when the customer is blocked, angry or mentions a deadline.',
    options: [
      { value: 'low', label: 'Low', description: 'General questions without urgency.' },
      { value: 'normal', label: 'Normal', description: 'The default for most requests.' },
      { value: 'high', label: 'High', description: 'The customer cannot use the service, is very upset, or has a deadline.' },
    ],
    threshold: 0.7,
  },
  { key: 'customerEmail', label: 'Customer email', type: 'email', description: 'The email address of the customer.', threshold: 0.8 },
  { key: 'orderNumber', label: 'Order number', type: 'text', description: 'The order number the customer refers to, e.g. ORD-123456.', threshold: 0.8 },
  { key: 'product', label: 'Product', type: 'lookup', description: 'The product the case is about, if the customer names one.', threshold: 0.7 },
];

/** The demo's inbound mailbox: mail sent to it over SMTP (port 2525) becomes cases. */
export const DEMO_MAILBOX = MailboxSchema.parse({
  address: 'support@autocase.local',
  displayName: 'Autocase demo support',
});

/** One ARC rule: skip bulk mail, make a case of everything else (no acknowledgement: the demo has no outbound SMTP server). */
export const DEMO_ARC_RULE = ArcRuleSchema.parse({
  mailbox: DEMO_MAILBOX.address,
  name: 'Demo support inbox',
  items: [
    { id: 'skip-bulk', name: 'Skip newsletters and mailing lists', conditions: [{ type: 'bulk', value: true }], action: 'skip' },
    {
      id: 'create-case',
      name: 'Everything else becomes a case',
      action: 'create-case',
      fieldMappings: [
        { field: 'title', source: 'subject' },
        { field: 'customerEmail', source: 'sender-address' },
      ],
    },
  ],
});

const keywords = (field: string, value: string, words: string[], confidence = 0.9) => ({
  id: `${field}-${value}`,
  field,
  value,
  confidence,
  conditions: [{ type: 'containsAny' as const, words }],
});

/** Keyword rules for the demo fields (the rules predictor); admins edit them on the Predictors page. */
export const DEMO_RULES = {
  rules: [
    keywords('category', 'shipping', ['parcel', 'package', 'delivery', 'delivered', 'shipping', 'shipment', 'tracking', 'courier', 'arrived']),
    keywords('category', 'billing', ['invoice', 'charged', 'charge', 'refund', 'payment', 'billing', 'bill', 'credit card']),
    keywords('category', 'returns', ['return', 'exchange', 'send it back', 'wrong size']),
    keywords('category', 'account', ['password', 'log in', 'login', 'sign in', 'account', 'username']),
    keywords('category', 'product', ['how do i', 'does it', 'compatible', 'broken', 'defect', 'not working']),
    keywords('priority', 'high', ['urgent', 'asap', 'immediately', 'deadline', 'furious', 'unacceptable']),
  ],
};

/** Order numbers such as ORD-123456 (the regex predictor; email addresses are found by field type). */
export const DEMO_REGEX = {
  fields: {
    orderNumber: { extractor: 'pattern', pattern: '\\bORD-\\d{4,}\\b', flags: 'i', normalize: ['uppercase'], confidence: 0.95 },
  },
};
