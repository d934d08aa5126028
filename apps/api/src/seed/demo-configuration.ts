import type { FieldDefinitionInput } from '@autocase/core';

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
