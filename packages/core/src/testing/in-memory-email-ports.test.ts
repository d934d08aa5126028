import { describe, expect, it } from 'vitest';
import { InMemoryEmailRepository } from './in-memory-email-ports.js';

const raw = (text: string) => new TextEncoder().encode(text);

describe('InMemoryEmailRepository', () => {
  it('stores verbatim and deduplicates by bytes and by redelivery key', async () => {
    const emails = new InMemoryEmailRepository();
    const input = { mailbox: 'support@autocase.test', receivedAt: '2026-01-01T00:00:00Z' };
    const first = await emails.storeRaw({ ...input, raw: raw('Message-ID: <a@x>\r\nSubject: A\r\n\r\nhello') });
    expect(first.duplicate).toBe(false);
    expect(new TextDecoder().decode((await emails.getRaw(first.email.id))!)).toBe('Message-ID: <a@x>\r\nSubject: A\r\n\r\nhello');
    expect(await emails.storeRaw({ ...input, raw: raw('Message-ID: <a@x>\r\nSubject: A\r\n\r\nhello') })).toEqual({ email: first.email, duplicate: true });
    const redelivery = await emails.storeRaw({ ...input, raw: raw('Received: by relay\r\nMessage-ID: <a@x>\r\nSubject: A\r\n\r\nhello') });
    expect(redelivery).toMatchObject({ duplicate: true, email: { duplicateOf: first.email.id, status: 'processed', outcome: 'skipped' } });
    expect(new TextDecoder().decode((await emails.getRaw(redelivery.email.id))!)).toMatch(/^Received: by relay/);
    const reused = await emails.storeRaw({ ...input, raw: raw('Message-ID: <a@x>\r\nSubject: B\r\n\r\nother') });
    expect(reused.duplicate).toBe(false);
    expect((await emails.findByMessageIds(['a@x'])).map((email) => email.id)).toEqual([first.email.id, reused.email.id]);
    emails.failWith = new Error('database down');
    await expect(emails.storeRaw({ ...input, raw: raw('Subject: C\r\n\r\nx') })).rejects.toThrow('database down');
  });

  it('lists newest first with filters and pages', async () => {
    const emails = new InMemoryEmailRepository();
    for (const subject of ['Alpha', 'Beta', 'Gamma']) await emails.storeRaw({ raw: raw(`Subject: ${subject}\r\n\r\nx`), mailbox: 'support@autocase.test', receivedAt: '2026-01-01T00:00:00Z' });
    const [, second] = (await emails.list({})).items;
    await emails.save({ ...second!, subject: 'Beta', outcome: 'skipped', status: 'processed' });
    expect((await emails.list({ pageSize: 2 })).items.map((email) => email.id)).toEqual(['email-3', 'email-2']);
    expect(await emails.list({ outcome: 'skipped', q: 'bet' })).toMatchObject({ total: 1, items: [{ id: 'email-2' }] });
  });
});
