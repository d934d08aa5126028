import { ArcRuleSchema, MailboxSchema } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { describeBinaryText } from './binary-text.js';
import { processStoredEmail } from './email-pipeline.js';
import { parseEmail } from './parse-email.js';

const MAILBOX = 'support@autocase.test';
/** The start of an Outlook .msg (OLE compound file) with the kind of strings its streams hold. */
const OUTLOOK_MSG = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), Buffer.from('__substg1.0_0037001F\0Refund request\0refund urgent\0'), Buffer.alloc(64, 0x07)]);

function messageWithBody(body: Buffer, contentType: string | null, encoding: 'base64' | 'binary'): Uint8Array {
  const headers = ['From: jane@customer.example', 'To: support@autocase.test', 'Subject: Forwarded mail', 'Message-ID: <msg-body@customer.example>', ...(contentType ? [`Content-Type: ${contentType}`] : []), `Content-Transfer-Encoding: ${encoding}`];
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), encoding === 'base64' ? Buffer.from(`${body.toString('base64')}\r\n`) : body]);
}

describe('describeBinaryText', () => {
  it('names binary data by its magic number or its control characters, and leaves text alone', () => {
    expect(describeBinaryText(OUTLOOK_MSG.toString('utf8'))).toBe('an Outlook .msg / OLE document');
    expect(describeBinaryText(OUTLOOK_MSG.toString('latin1'))).toBe('an Outlook .msg / OLE document');
    expect(describeBinaryText('%PDF-1.7\n%âãÏÓ')).toBe('a PDF document');
    expect(describeBinaryText('abc\u0000def')).toBe('binary data');
    expect(describeBinaryText('Hello,\r\n\tmy order 1234 is late.\f\r\n€ ü 日本')).toBeNull();
    expect(describeBinaryText('')).toBeNull();
    expect(describeBinaryText('\ufffd\ufffd Big5 text without a charset label \ufffd\ufffd\ufffd')).toBeNull();
    expect(describeBinaryText('\u0001\u0002\u0003 abcdefghijklmnopqrstuvwxyz \u0004\u0005')).toBe('binary data');
  });
});

describe('a binary body', () => {
  it.each([
    ['no Content-Type, base64', null, 'base64'],
    ['no Content-Type, binary', null, 'binary'],
    ['labelled text/plain', 'text/plain; charset=utf-8', 'base64'],
  ] as const)('(%s) reaches neither keyword rules nor predictors', async (_name, contentType, encoding) => {
    const raw = messageWithBody(OUTLOOK_MSG, contentType, encoding);
    const parsed = await parseEmail(raw);
    expect(parsed.ok && parsed.email).toMatchObject({ text: '', newText: '' });
    expect(parsed.ok && parsed.notes).toEqual(['the body is an Outlook .msg / OLE document, not text: it stays in the raw message and no rule or predictor read it']);

    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const processing = createInMemoryEmailProcessing({ clock });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(
      ArcRuleSchema.parse({
        mailbox: MAILBOX,
        name: 'Refunds only',
        items: [
          { id: 'refunds', name: 'Refund keyword', conditions: [{ type: 'text', target: 'body', value: 'refund' }] },
          { id: 'rest', name: 'Everything else', action: 'skip' },
        ],
      }),
    );
    const { email } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    const result = await processStoredEmail(processing, email.id);
    expect(result.outcome).toBe('skipped');
    expect(result.email.reason).toBe('rule item "Everything else" skips it; the body is an Outlook .msg / OLE document, not text: it stays in the raw message and no rule or predictor read it');
    expect(result.email.text).toBe('');
  });
});
