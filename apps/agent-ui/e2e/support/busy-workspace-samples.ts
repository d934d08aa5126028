/** Deterministic sample data for the busy workspace: customers, requests that the keyword rules recognise, import rows. */

const FIRST_NAMES = ['Ana', 'Bruno', 'Chloe', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kemal', 'Lucia', 'Mei', 'Nils', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST_NAMES = ['Almeida', 'Berger', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak'];

const REQUESTS: { subject: string; text: string }[] = [
  { subject: 'Parcel not delivered', text: 'My parcel has still not arrived and the tracking page has not moved for a week.' },
  { subject: 'Charged twice', text: 'I was charged twice for the same invoice, please refund the second payment.' },
  { subject: 'Exchange for a bigger size', text: 'The shoes are the wrong size, I would like to exchange them for a bigger pair.' },
  { subject: 'Cannot log in', text: 'I cannot log in to my account, the password reset email never comes. This is urgent.' },
  { subject: 'Is the charger compatible', text: 'Is the travel charger compatible with the older model? The manual does not say.' },
  { subject: 'Delivery to the wrong address', text: 'The courier says the package was delivered, but to a different street. I need it asap.' },
  { subject: 'Invoice missing VAT number', text: 'The invoice for my last order lacks our VAT number; our accounting needs a corrected bill.' },
  { subject: 'Return label', text: 'How do I return the jacket? I would like to send it back and get my money.' },
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

const PHRASES: Record<string, string[]> = {
  shipping: ['the parcel is late', 'tracking has not moved', 'the courier left it with a neighbour', 'delivery was promised for Friday', 'the package never arrived', 'shipping takes too long'],
  billing: ['I was charged twice', 'the invoice shows the wrong amount', 'please refund the payment', 'my credit card was billed again', 'the bill lacks our VAT number', 'a charge I do not recognise'],
  returns: ['I want to send it back', 'the size is wrong, I need to exchange it', 'how do I return the jacket', 'the return label is missing', 'I would like an exchange', 'returning two items'],
  account: ['I cannot log in', 'the password reset never arrives', 'please delete my account', 'my username was changed', 'sign in fails every time', 'locked out of the account'],
  product: ['is it compatible with the old model', 'how do I pair the headphones', 'the charger is broken', 'does it work abroad', 'the screen shows a defect', 'which size fits a child'],
};
const FILLERS = ['Thanks in advance.', 'Kind regards.', 'I have been a customer for years.', 'Please answer soon.', 'This is my second message about it.', 'Order placed last month.'];
const CATEGORIES = Object.keys(PHRASES);

/** A small deterministic generator, so a run is repeatable. */
function pick<T>(list: readonly T[], seed: number): T {
  return list[Math.abs(Math.imul(seed ^ 0x9e3779b9, 2654435761) >>> 7) % list.length]!;
}

/**
 * One imported historical case: two phrases of its category and a filler, in varied combinations;
 * one in ten is labelled differently (real history is noisy), so the model's confidence is calibrated
 * on held-out mistakes instead of being sure of everything.
 */
export function sampleExample(index: number): { text: string; fields: Record<string, string> } {
  const category = CATEGORIES[index % CATEGORIES.length]!;
  const phrases = PHRASES[category]!;
  const text = `${pick(phrases, index * 3 + 1)}; ${pick(phrases, index * 7 + 2)}. ${pick(FILLERS, index * 11 + 3)}`;
  const label = index % 10 === 9 ? pick(CATEGORIES, index * 13 + 4) : category;
  const priority = /cannot|never|twice|broken|locked/.test(text) ? 'high' : index % 3 === 0 ? 'low' : 'normal';
  return { text: text.charAt(0).toUpperCase() + text.slice(1), fields: { category: label, priority } };
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
