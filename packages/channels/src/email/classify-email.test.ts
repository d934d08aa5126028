import { describe, expect, it } from 'vitest';
import { parseEmail } from './parse-email.js';

async function classify(headers: string, body = 'Hello, my printer is broken.\r\n', envelopeSender?: string) {
  const raw = new TextEncoder().encode(`${headers.trim().replace(/\n/g, '\r\n')}\r\nMessage-ID: <self@sender.example>\r\n\r\n${body}`);
  const result = await parseEmail(raw, envelopeSender === undefined ? {} : { envelopeSender });
  if (!result.ok) throw new Error(result.error);
  return result.email.classification;
}

describe('classifyEmail', () => {
  it('takes a person writing for regular mail', async () => {
    expect(await classify('From: Jane <jane@customer.example>\nTo: support@autocase.test\nSubject: Printer broken')).toEqual({ kind: 'regular', bulk: false, signals: [], bouncedMessageId: null });
  });

  it('recognizes an RFC 3464 delivery-status report and the message it returns', async () => {
    const body = [
      '--b', 'Content-Type: text/plain', '', 'Delivery failed.', '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example', '', 'Final-Recipient: rfc822; gone@customer.example', 'Action: failed', 'Status: 5.1.1', '--b',
      'Content-Type: text/rfc822-headers', '', 'From: support@autocase.test', 'Message-ID: <ack-1@autocase.test>', 'Subject: [CAS-00001] We received your request', '--b--', '',
    ].join('\r\n');
    const classification = await classify('From: Mail Delivery System <MAILER-DAEMON@mx.example>\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"', body);
    expect(classification.kind).toBe('bounce');
    expect(classification.signals[0]).toBe('multipart/report; report-type=delivery-status');
    expect(classification.bouncedMessageId).toBe('ack-1@autocase.test');
  });

  it('recognizes plain-text failure notices only with corroborating signals', async () => {
    const qmail = await classify('From: someone@mx.example\nSubject: failure notice', 'Hi. This is the qmail-send program at mx.example.\r\nI\'m afraid I wasn\'t able to deliver your message.\r\n', '');
    expect(qmail.kind).toBe('bounce');
    expect(qmail.signals).toEqual(['null sender <>', 'failure-notice subject "failure notice"', 'failure-notice text']);
    const discussion = await classify('From: admin@customer.example\nSubject: Why do I get user unknown?', 'Our server says "550 5.1.1 user unknown" for every message.\r\n');
    expect(discussion.kind).toBe('regular');
    expect((await classify('From: Postmaster <postmaster@customer.example>\nSubject: hello')).kind).toBe('bounce');
  });

  it('recognizes auto-replies by RFC 3834 and vendor headers, never by a subject word alone', async () => {
    expect(await classify('From: jane@customer.example\nSubject: Re: help\nAuto-Submitted: auto-replied')).toMatchObject({ kind: 'auto-reply', signals: ['the Auto-Submitted header says "auto-replied" (RFC 3834)'] });
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nAuto-Submitted: no')).kind).toBe('regular');
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nX-Autoreply: yes')).kind).toBe('auto-reply');
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nX-Autorespond: yes')).kind).toBe('auto-reply');
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nPrecedence: auto_reply')).kind).toBe('auto-reply');
    expect((await classify('From: jane@customer.example\nSubject: Out of Office: Re: help')).kind).toBe('regular');
    expect((await classify('From: jane@customer.example\nSubject: Automatische Antwort: Hilfe\nX-Auto-Response-Suppress: All')).kind).toBe('auto-reply');
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nX-Auto-Response-Suppress: All\nX-MS-Exchange-Inbox-Rules-Loop: jane@customer.example')).kind).toBe('regular');
    expect((await classify('From: jane@customer.example\nSubject: Re: help\nX-MS-Exchange-Inbox-Rules-Loop: jane@customer.example', 'I am out of the office until June 3 with limited access to email.\r\n')).kind).toBe('auto-reply');
    expect((await classify('From: jane@customer.example\nSubject: Vacation refund', 'I was on vacation until June 3 and my booking was cancelled.\r\n', '')).kind).toBe('bounce');
    expect((await classify('From: jane@customer.example\nSubject: Re: help', 'This is an automated response: your mail has been received.\r\n')).kind).toBe('auto-reply');
  });

  it('recognizes other machine reports', async () => {
    const arf = await classify('From: abuse@isp.example\nSubject: FW: spam\nContent-Type: multipart/report; report-type=feedback-report; boundary="b"', '--b\r\nContent-Type: text/plain\r\n\r\nAbuse report\r\n--b--\r\n');
    expect(arf).toMatchObject({ kind: 'report', signals: ['multipart/report; report-type=feedback-report'] });
  });

  it('flags bulk and list mail without changing its kind', async () => {
    expect(await classify('From: jane@customer.example\nSubject: news\nPrecedence: bulk')).toMatchObject({ kind: 'regular', bulk: true, signals: ['Precedence: bulk'] });
    expect(await classify('From: jane@customer.example\nSubject: [list] q\nList-Id: <users.lists.example>')).toMatchObject({ kind: 'regular', bulk: true, signals: ['list-id header'] });
    expect(await classify('From: jane@customer.example\nSubject: Out of office\nPrecedence: list\nAuto-Submitted: auto-replied')).toMatchObject({ kind: 'auto-reply', bulk: true });
    expect(await classify('From: jane@customer.example\nSubject: Out of office\nPrecedence: list')).toMatchObject({ kind: 'regular', bulk: true });
  });
});
