import { describe, expect, it } from 'vitest';
import { emptyMailboxDraft, toMailboxDraft, toMailboxPayload } from './mailbox-draft';

describe('mailbox drafts', () => {
  it('leaves out blank passwords and disabled sections', () => {
    const draft = emptyMailboxDraft();
    draft.address = ' support@example.com ';
    draft.imapEnabled = true;
    draft.imap = { ...draft.imap, host: 'imap.example.com', user: 'support' };
    const payload = toMailboxPayload(draft);
    expect(payload.address).toBe('support@example.com');
    expect(payload.imap).toEqual({ host: 'imap.example.com', port: 993, secure: true, user: 'support', folder: 'INBOX', afterAccept: 'mark-seen', pollIntervalSeconds: 60 });
    expect(payload).not.toHaveProperty('smtp');
    expect(payload).not.toHaveProperty('displayName');
  });

  it('never puts a stored password back into the form', () => {
    const draft = toMailboxDraft({
      id: 'm1',
      address: 'support@example.com',
      enabled: true,
      acknowledgement: { subject: 's', body: 'b' },
      smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'u', password: 'secret' },
    });
    expect(draft.smtpEnabled).toBe(true);
    expect(draft.smtp.password).toBe('');
    expect(draft.imapEnabled).toBe(false);
  });

  it('keeps the spam settings through a save, blank thresholds as null', () => {
    const draft = toMailboxDraft({ id: 'm1', address: 'support@example.com', enabled: true, acknowledgement: { subject: 's', body: 'b' }, spam: { enabled: true, honourUpstreamFlag: false, upstreamScoreThreshold: 7.5, quarantineOnDmarcFail: false, quarantineOnSpfAndDkimFail: true, classifier: true, classifierThreshold: null } });
    expect(draft.spam).toMatchObject({ upstreamScoreThreshold: '7.5', classifierThreshold: '', honourUpstreamFlag: false });
    expect(toMailboxPayload(draft).spam).toEqual({ enabled: true, honourUpstreamFlag: false, upstreamScoreThreshold: 7.5, quarantineOnDmarcFail: false, quarantineOnSpfAndDkimFail: true, classifier: true, classifierThreshold: null });
    expect(toMailboxPayload(emptyMailboxDraft()).spam).toMatchObject({ enabled: true, quarantineOnDmarcFail: true, classifierThreshold: null });
  });
});
