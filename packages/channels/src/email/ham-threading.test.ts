import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArcRuleSchema, MailboxSchema } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { processStoredEmail } from './email-pipeline.js';
import { parseEmail } from './parse-email.js';

const HAM = new URL('../../../../../shared/eval/emails/ham/', import.meta.url).pathname;
const MAILBOX = 'support@autocase.test';

describe('real mail: ham (SpamAssassin easy_ham, mostly mailing lists)', () => {
  it('puts every reply whose original or an earlier References message was delivered before on that message case', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const processing = createInMemoryEmailProcessing({ clock });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail' }] }));

    const files = readdirSync(HAM).filter((name) => !name.startsWith('LICENSE') && !name.endsWith('.md')).sort();
    expect(files).toHaveLength(2500);
    /** Case of every Message-ID delivered so far, as the test derives it independently of the use case. */
    const caseOfMessageId = new Map<string, string | null>();
    let expectedReplies = 0;
    let threaded = 0;
    const misthreaded: string[] = [];
    const outcomes: Record<string, number> = {};
    const correlations: Record<string, number> = {};
    for (const name of files) {
      const raw = new Uint8Array(readFileSync(join(HAM, name)));
      clock.advance(10 * 60_000);
      const { email, duplicate } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
      expect(duplicate).toBe(false);
      const parsed = await parseEmail(raw);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
      const { inReplyTo, references, messageId } = parsed.email;
      const earlier = [...inReplyTo, ...[...references].reverse()].find((id) => id !== messageId && caseOfMessageId.get(id));
      const result = await processStoredEmail(processing, email.id);
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      correlations[result.email.correlation ?? 'none'] = (correlations[result.email.correlation ?? 'none'] ?? 0) + 1;
      if (earlier) {
        expectedReplies += 1;
        if (result.outcome === 'linked' && result.email.caseId === caseOfMessageId.get(earlier)) threaded += 1;
        else misthreaded.push(`${name} → ${result.outcome} ${result.email.reason}`);
      }
      if (messageId) caseOfMessageId.set(messageId, result.email.caseId);
    }
    expect(misthreaded).toEqual([]);
    expect(expectedReplies).toBeGreaterThan(850);
    expect(threaded).toBe(expectedReplies);
    expect(outcomes.linked).toBe(threaded);
    // Skipped: 3 bounces relayed by a list, and 00033, a 2002 auto-responder ("This is an automated response…").
    expect(outcomes).toEqual({ 'case-created': 2500 - threaded - 4, linked: threaded, skipped: 4 });
    console.info(`ham: ${threaded} replies threaded onto their case; outcomes ${JSON.stringify(outcomes)}; correlation ${JSON.stringify(correlations)}`);
  }, 240_000);
});
