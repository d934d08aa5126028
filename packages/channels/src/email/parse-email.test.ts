import { describe, expect, it } from 'vitest';
import { extractNewText, htmlToPlainText } from './extract-new-text.js';
import { extractAttachment } from './extract-attachment.js';
import { parseEmail } from './parse-email.js';

const encode = (text: string) => new TextEncoder().encode(text.replace(/\n/g, '\r\n'));

const REPLY = `From: "Doe, Jane" <Jane@Customer.Example>
To: Support <support@autocase.test>, group: a@x.example, b@x.example;
Cc: boss@customer.example
Reply-To: desk@customer.example
Subject: =?UTF-8?Q?Re:_Dr=C3=BCcker?=
Date: Thu, 1 Jan 2026 10:00:00 +0100
Message-ID: <reply-1@customer.example>
In-Reply-To: <ack-1@autocase.test>
References: <orig-1@customer.example>
 <ack-1@autocase.test>
X-Priority: 1
MIME-Version: 1.0
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<p>Still <b>broken</b>, see <img src="cid:shot@customer.example"></p><p>On Wed, Jane wrote:</p><blockquote>old</blockquote>
--rel
Content-Type: image/png; name="shot.png"
Content-ID: <shot@customer.example>
Content-Disposition: inline; filename="shot.png"
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--rel--
`;

describe('parseEmail', () => {
  it('reads addresses, threading headers, HTML-only bodies and inline attachments', async () => {
    const result = await parseEmail(encode(REPLY));
    if (!result.ok) throw new Error(result.error);
    const email = result.email;
    expect(email).toMatchObject({
      messageId: 'reply-1@customer.example',
      inReplyTo: ['ack-1@autocase.test'],
      references: ['orig-1@customer.example', 'ack-1@autocase.test'],
      from: { address: 'jane@customer.example', name: 'Doe, Jane' },
      replyTo: [{ address: 'desk@customer.example' }],
      to: [{ address: 'support@autocase.test', name: 'Support' }, { address: 'a@x.example' }, { address: 'b@x.example' }],
      cc: [{ address: 'boss@customer.example' }],
      subject: 'Re: Drücker',
      date: '2026-01-01T09:00:00.000Z',
      headers: { 'x-priority': ['1'] },
    });
    expect(email.html).toContain('cid:shot@customer.example');
    expect(email.text).toContain('Still broken');
    expect(email.newText).toBe('Still broken, see');
    expect(email.attachments).toEqual([
      { filename: 'shot.png', contentType: 'image/png', size: 8, contentId: 'shot@customer.example', inline: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('gives back an attachment by position or Content-ID', async () => {
    const raw = encode(REPLY);
    const byCid = await extractAttachment(raw, { contentId: '<shot@customer.example>' });
    expect(byCid).toMatchObject({ filename: 'shot.png', contentType: 'image/png', contentId: 'shot@customer.example' });
    expect(Buffer.from(byCid!.content).toString('base64')).toBe('iVBORw0KGgo=');
    expect((await extractAttachment(raw, { index: 0 }))?.filename).toBe('shot.png');
    expect(await extractAttachment(raw, { index: 1 })).toBeNull();
    expect(await extractAttachment(raw, { contentId: 'nope@x' })).toBeNull();
  });

  it('never throws: empty input, or no headers and no text, is a failure with a reason', async () => {
    expect(await parseEmail(new Uint8Array())).toEqual({ ok: false, error: 'the message is empty' });
    expect(await parseEmail(encode('\n\n \n'))).toEqual({ ok: false, error: 'the message has no header lines and no text' });
  });

  it('reads a message without header lines whole as its body, and says so', async () => {
    for (const raw of ['My printer is broken, order 1234.\nPlease help.', '\n\nMy printer is broken, order 1234.\nPlease help.']) {
      const parsed = await parseEmail(encode(raw));
      expect(parsed.ok && parsed.email).toMatchObject({ from: null, subject: '', messageId: null, headers: {}, classification: { kind: 'regular' } });
      expect(parsed.ok && parsed.email.text.trim()).toBe('My printer is broken, order 1234.\nPlease help.');
      expect(parsed.ok && parsed.notes).toEqual(['the message has no header lines: it was read whole as its body, without sender, subject or Message-ID']);
    }
  });
});

describe('extractNewText', () => {
  it('strips quoted replies and signatures', () => {
    expect(extractNewText('Thanks, it works now.\n\n-- \nJane Doe\nACME\n\nOn Mon, 1 Jan 2026, Support wrote:\n> Did you restart it?\n')).toBe('Thanks, it works now.');
    expect(extractNewText('New question here.\n\n-----Original Message-----\nFrom: support@autocase.test\nSubject: old\n\nold text')).toBe('New question here.');
  });

  it('keeps the whole text when everything looks quoted', () => {
    expect(extractNewText('> only a quote')).toBe('> only a quote');
  });

  it('converts HTML without link targets or images', () => {
    expect(htmlToPlainText('<p>See <a href="https://x.example">our site</a><img src="a.png"></p><style>p{}</style>')).toBe('See our site');
  });
});
