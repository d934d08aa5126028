/** Deterministic sample data for the busy workspace: customers, requests that the keyword rules recognise, import rows. */

const FIRST_NAMES = ['Ana', 'Bruno', 'Chloe', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kemal', 'Lucia', 'Mei', 'Nils', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST_NAMES = ['Almeida', 'Berger', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak'];

const REQUESTS: { subject: string; text: string; category: string; priority: string }[] = [
  { subject: 'Parcel not delivered', text: 'My parcel has still not arrived and the tracking page has not moved for a week.', category: 'shipping', priority: 'normal' },
  { subject: 'Charged twice', text: 'I was charged twice for the same invoice, please refund the second payment.', category: 'billing', priority: 'normal' },
  { subject: 'Exchange for a bigger size', text: 'The shoes are the wrong size, I would like to exchange them for a bigger pair.', category: 'returns', priority: 'low' },
  { subject: 'Cannot log in', text: 'I cannot log in to my account, the password reset email never comes. This is urgent.', category: 'account', priority: 'high' },
  { subject: 'Is the charger compatible', text: 'Is the travel charger compatible with the older model? The manual does not say.', category: 'product', priority: 'low' },
  { subject: 'Delivery to the wrong address', text: 'The courier says the package was delivered, but to a different street. I need it asap.', category: 'shipping', priority: 'high' },
  { subject: 'Invoice missing VAT number', text: 'The invoice for my last order lacks our VAT number; our accounting needs a corrected bill.', category: 'billing', priority: 'normal' },
  { subject: 'Return label', text: 'How do I return the jacket? I would like to send it back and get my money.', category: 'returns', priority: 'normal' },
];

export function sampleCustomer(index: number): { name: string; email: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]!;
  return { name: `${first} ${last}`, email: `${first}.${last}.${index}@customers.example.net`.toLowerCase() };
}

export function sampleRequest(index: number): { subject: string; text: string } {
  const request = REQUESTS[index % REQUESTS.length]!;
  return { subject: request.subject, text: `${request.text} Order ORD-${String(100_000 + index).padStart(6, '0')}.` };
}

/** One imported historical case, labelled like the keyword rules would label it (the learned model agrees with them). */
export function sampleExample(index: number): { text: string; fields: Record<string, string> } {
  const request = REQUESTS[index % REQUESTS.length]!;
  return { text: `${request.subject}. ${request.text}`, fields: { category: request.category, priority: request.priority } };
}

/** Fields of every type the demo lacks, so the case form is as long as a real one and every input type is in use. */
export const EXTRA_FIELDS = [
  { key: 'description', label: 'Description', type: 'longText', description: 'What happened, in the customer’s words.', fillOn: ['updates'] },
  { key: 'quantity', label: 'Quantity', type: 'number', description: 'How many items are concerned.' },
  { key: 'amount', label: 'Amount', type: 'currency', description: 'The amount in question, with its currency.' },
  { key: 'orderDate', label: 'Order date', type: 'date', description: 'When the order was placed.' },
  { key: 'refundRequested', label: 'Refund requested', type: 'boolean', description: 'Whether the customer asks for money back.' },
  { key: 'customerPhone', label: 'Customer phone', type: 'phone', description: 'The customer’s phone number.' },
  {
    key: 'country',
    label: 'Country',
    type: 'lookup',
    description: 'The customer’s country.',
    options: [
      { value: 'DE', label: 'Germany' },
      { value: 'FR', label: 'France' },
      { value: 'GB', label: 'United Kingdom' },
    ],
  },
];
