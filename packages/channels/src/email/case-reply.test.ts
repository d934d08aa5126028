import { describe, expect, it } from 'vitest';
import { composeCaseReply } from './case-reply.js';
import { verifyWebhookSecret } from './webhook-secret.js';

describe('composeCaseReply', () => {
  const caseRecord = { number: 'CAS-00042', title: 'Printer broken', contactEmail: 'jane@customer.example' };

  it('threads on the latest email with the token in the subject', () => {
    const reply = composeCaseReply({
      caseRecord,
      mailboxAddress: 'support@autocase.test',
      lastEmail: { messageId: 'm2@customer.example', references: ['m1@customer.example'], subject: 'Re: Printer broken', from: { address: 'jane@customer.example' } },
      text: 'Please restart it.',
    });
    expect(reply).toMatchObject({
      from: 'support@autocase.test',
      to: ['jane@customer.example'],
      subject: '[CAS-00042] Re: Printer broken',
      inReplyTo: 'm2@customer.example',
      references: ['m1@customer.example', 'm2@customer.example'],
      messageId: expect.stringMatching(/@autocase\.test$/),
    });
    expect(reply.headers).toBeUndefined();
  });

  it('falls back to the case contact and title, and explains what is missing', () => {
    const reply = composeCaseReply({ caseRecord, mailboxAddress: 'support@autocase.test', lastEmail: null, text: 'Hello' });
    expect(reply).toMatchObject({ to: ['jane@customer.example'], subject: '[CAS-00042] Re: Printer broken' });
    expect(reply.inReplyTo).toBeUndefined();
    expect(() => composeCaseReply({ caseRecord: { ...caseRecord, contactEmail: null }, mailboxAddress: 's@x.example', lastEmail: null, text: 'Hi' })).toThrow('case CAS-00042 has no email address to reply to');
    expect(() => composeCaseReply({ caseRecord, mailboxAddress: 's@x.example', lastEmail: null, text: '  ' })).toThrow('a reply needs some text');
  });
});

describe('verifyWebhookSecret', () => {
  it('accepts only the mailbox secret', () => {
    expect(verifyWebhookSecret('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true);
    expect(verifyWebhookSecret('s3cret-s3cret-s3cret', 's3cret-s3cret-s3creT')).toBe(false);
    expect(verifyWebhookSecret(undefined, 'anything')).toBe(false);
    expect(verifyWebhookSecret('s3cret-s3cret-s3cret', '')).toBe(false);
  });
});
