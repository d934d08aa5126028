import { describe, expect, it } from 'vitest';
import { identifyRawEmail, MailboxSchema, newReceivedEmail, normalizeMessageId, splitMessageIds } from './email.js';

const raw = (text: string) => new TextEncoder().encode(text);

describe('email identity', () => {
  it('reads a folded Message-ID and hashes the bytes', () => {
    const bytes = raw('Subject: hi\r\nMessage-ID:\r\n  <abc.123@example.com>\r\n\r\nMessage-ID: <not-this@example.com>\r\n');
    const identity = identifyRawEmail(bytes);
    expect(identity.messageId).toBe('abc.123@example.com');
    expect(identity.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.size).toBe(bytes.byteLength);
    expect(identity.sha256).toBe(identifyRawEmail(new Uint8Array(bytes)).sha256);
  });

  it('has no Message-ID when the header block lacks one', () => {
    expect(identifyRawEmail(raw('Subject: hi\n\nbody')).messageId).toBeNull();
    expect(identifyRawEmail(raw('Subject: a\n\nx')).sha256).not.toBe(identifyRawEmail(raw('Subject: b\n\nx')).sha256);
  });

  it('recognizes a redelivery but not a different message reusing the Message-ID', () => {
    const first = identifyRawEmail(raw('Received: by a\nMessage-ID: <m@x>\nFrom: a@x\nDate: Mon, 1 Jan 2026 10:00:00 +0000\nSubject: Hi\n\nbody'));
    const redelivered = identifyRawEmail(raw('Received: by b\nReceived: by a\nMessage-ID: <m@x>\nFrom: a@x\nDate: Mon, 1 Jan 2026 10:00:00 +0000\nSubject: Hi\n\nbody'));
    const other = identifyRawEmail(raw('Message-ID: <m@x>\nFrom: a@x\nDate: Mon, 1 Jan 2026 11:00:00 +0000\nSubject: Other\n\nbody'));
    expect(redelivered.sha256).not.toBe(first.sha256);
    expect(redelivered.dedupeKey).toBe(first.dedupeKey);
    expect(other.dedupeKey).not.toBe(first.dedupeKey);
    const otherBody = identifyRawEmail(raw('Message-ID: <m@x>\nFrom: a@x\nDate: Mon, 1 Jan 2026 10:00:00 +0000\nSubject: Hi\n\nanother body'));
    expect(otherBody.dedupeKey).not.toBe(first.dedupeKey);
    expect(identifyRawEmail(raw('Subject: x\n\ny')).dedupeKey).toBeNull();
  });

  it('splits and normalizes message ids', () => {
    expect(splitMessageIds('<a@x> <b@y>\r\n\t<c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(splitMessageIds('a@x, b@y')).toEqual(['a@x', 'b@y']);
    expect(splitMessageIds(undefined)).toEqual([]);
    expect(normalizeMessageId(' <> ')).toBeNull();
  });

  it('builds a received record', () => {
    const email = newReceivedEmail('e1', { mailbox: 'Support@Example.com', receivedAt: '2026-01-01T00:00:00Z' }, identifyRawEmail(raw('Message-ID: <m@x>\n\nx')));
    expect(email).toMatchObject({ id: 'e1', mailbox: 'support@example.com', status: 'received', outcome: null, messageId: 'm@x' });
  });
});

describe('MailboxSchema', () => {
  it('fills defaults and lower-cases the address', () => {
    const mailbox = MailboxSchema.parse({ address: 'Support@Example.com' });
    expect(mailbox.address).toBe('support@example.com');
    expect(mailbox.acknowledgement.body).toContain('{{caseNumber}}');
  });

  it('explains what is wrong', () => {
    const result = MailboxSchema.safeParse({ address: 'not-an-address', webhookSecret: 'short', imap: { host: 'imap.example.com', user: 'u', password: 'p', afterAccept: 'move' } });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'address: must be an email address such as support@example.com',
        'webhookSecret: webhook secret must be at least 16 characters',
        'imap.moveTo: IMAP afterAccept "move" needs a moveTo folder',
      ]),
    );
  });
});
