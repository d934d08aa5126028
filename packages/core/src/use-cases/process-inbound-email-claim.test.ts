import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EmailClaimedError } from '../domain/email.js';
import { systemClock } from '../ports/services.js';
import { InMemoryEmailRepository } from '../testing/in-memory-email-ports.js';
import { SequentialIdGenerator } from '../testing/sequential-id-generator.js';
import { withEmailClaim } from './process-inbound-email-claim.js';

async function stored() {
  const emails = new InMemoryEmailRepository();
  const raw = new TextEncoder().encode('Message-ID: <claim@customer.example>\r\nSubject: Hi\r\n\r\nhello\r\n');
  const { email } = await emails.storeRaw({ raw, mailbox: 'support@autocase.test', receivedAt: new Date().toISOString() });
  return { emails, emailId: email.id, deps: { emails, clock: systemClock, ids: new SequentialIdGenerator('claim'), claimLeaseMs: 60 } };
}

const steal = (emails: InMemoryEmailRepository, emailId: string) => emails.claimForProcessing(emailId, { by: 'other-worker', now: new Date().toISOString(), until: new Date(Date.now() + 60).toISOString() });

describe('withEmailClaim', () => {
  it('renews a short claim while the work runs, so no other worker takes a live worker’s email', async () => {
    const { emails, emailId, deps } = await stored();
    const result = await withEmailClaim(
      deps,
      emailId,
      () => false,
      async () => {
        await sleep(250);
        return steal(emails, emailId);
      },
      async () => null,
    );
    expect(result).toBeNull();
    expect(await steal(emails, emailId)).not.toBeNull();
  });

  it('lets another worker take the email within one lease when the holder died', async () => {
    const { emails, emailId, deps } = await stored();
    expect(await emails.claimForProcessing(emailId, { by: 'dead-worker', now: new Date().toISOString(), until: new Date(Date.now() + 60).toISOString() })).not.toBeNull();
    await expect(withEmailClaim(deps, emailId, () => false, async () => 'mine', async () => 'settled')).rejects.toBeInstanceOf(EmailClaimedError);
    await sleep(90);
    expect(await withEmailClaim(deps, emailId, () => false, async () => 'mine', async () => 'settled')).toBe('mine');
  });
});
