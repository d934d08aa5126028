import { describe, expect, it } from 'vitest';
import { AcknowledgementTemplateSchema } from '../domain/email.js';
import { buildParsedEmail, InMemorySenderActivityStore } from '../testing/in-memory-email-ports.js';
import { buildAcknowledgement, isSenderLooping, mayAcknowledgeSender, newOutboundMessageId, renderTemplate } from './process-inbound-email-acknowledgement.js';

describe('renderTemplate', () => {
  it('fills placeholders and names unknown ones', () => {
    expect(renderTemplate('Hi {{ customerName }}, see {{caseNumber}}', { customerName: 'Jane', caseNumber: 'CAS-00001' })).toBe('Hi Jane, see CAS-00001');
    expect(() => renderTemplate('{{ticket}} {{caseNumber}}', { caseNumber: 'x' })).toThrow(/unknown template placeholder\(s\): \{\{ticket\}\}/);
  });
});

describe('buildAcknowledgement', () => {
  it('threads on the email, carries the token and the auto-submitted headers', () => {
    const email = buildParsedEmail({ references: ['root@customer.example'], replyTo: [{ address: 'desk@customer.example', name: 'Desk' }] });
    const messageId = newOutboundMessageId('support@autocase.test');
    expect(messageId).toMatch(/^[0-9a-f-]{36}@autocase\.test$/);
    const message = buildAcknowledgement({
      template: AcknowledgementTemplateSchema.parse({}),
      mailbox: { address: 'support@autocase.test', displayName: 'Support' },
      caseRecord: { number: 'CAS-00007', title: 'Printer is broken' },
      email,
      messageId,
    });
    expect(message).toMatchObject({
      from: '"Support" <support@autocase.test>',
      to: ['desk@customer.example'],
      subject: '[CAS-00007] We received your request: Printer is broken',
      messageId,
      inReplyTo: 'message-1@customer.example',
      references: ['root@customer.example', 'message-1@customer.example'],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    });
    expect(message.text).toContain('Hello Desk,');
    expect(message.text).toContain('CAS-00007');
  });
});

describe('sender limits', () => {
  it('rate-limits acknowledgements and stops subject floods', async () => {
    const store = new InMemorySenderActivityStore();
    const now = new Date('2026-01-01T10:00:00Z');
    const limits = { acknowledgementsPerSenderPerHour: 2, sameSubjectPerSenderPerHour: 3 };
    for (let index = 0; index < 2; index += 1) await store.record({ sender: 'a@x.example', kind: 'acknowledgement', subjectKey: 's', at: now.toISOString() });
    await store.record({ sender: 'b@x.example', kind: 'acknowledgement', subjectKey: 's', at: '2026-01-01T08:00:00.000Z' });
    expect(await mayAcknowledgeSender(store, 'A@x.example', now, limits)).toBe(false);
    expect(await mayAcknowledgeSender(store, 'b@x.example', now, limits)).toBe(true);
    for (let index = 0; index < 4; index += 1) await store.record({ sender: 'a@x.example', kind: 'inbound', subjectKey: 'help', at: now.toISOString() });
    expect(await isSenderLooping(store, 'a@x.example', 'help', now, limits)).toBe(true);
    expect(await isSenderLooping(store, 'a@x.example', 'other', now, limits)).toBe(false);
  });
});
