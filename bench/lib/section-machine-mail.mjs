// Section `machine`: the real bounces, feedback reports and auto-replies of
// emails/bounces-and-autoreplies sent over SMTP to one embedded API whose ARC rule opens a case
// for every email and acknowledges it. Target: no case and no acknowledgement for any of them.
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { ApiClient, startApi } from './api-process.mjs';
import { waitUntilProcessed } from './email-ingest.mjs';
import { freePort } from './free-port.mjs';
import { figure } from './report.mjs';
import { sqliteDatabase } from './services.mjs';
import { loadMessages, sendMessages } from './smtp-sender.mjs';

const MAILBOX = 'machine@bench.autocase.test';
/** A customer's mail sent last, so the figure shows the rule does open cases and acknowledge (subject words never make mail automatic). */
const CONTROL_SENDER = 'jane@customer.bench.autocase.test';
const CONTROL = {
  name: 'control-customer.eml',
  raw: Buffer.from(
    [`From: Jane <${CONTROL_SENDER}>`, `To: ${MAILBOX}`, 'Subject: Refund for my cancelled vacation package', 'Message-ID: <control-customer@bench.autocase.test>', 'Date: Fri, 04 Dec 2026 09:00:00 +0000', '', 'Hello, I am on leave until Monday but my vacation package was cancelled. Please refund order 1234.', ''].join('\r\n'),
  ),
};

/** An SMTP server on 127.0.0.1 that accepts and counts what the API sends (its acknowledgements). */
async function startSmtpSink() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { port, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function allEmails(admin) {
  const emails = [];
  for (let page = 1; ; page += 1) {
    const batch = await admin.get(`/api/emails?page=${page}&pageSize=200`);
    emails.push(...batch.items);
    if (batch.items.length < 200) return emails;
  }
}

export async function runMachineMailSection({ root, workDir, evalDir, log }) {
  const messages = loadMessages(join(evalDir, 'emails/bounces-and-autoreplies'));
  log(`machine mail: ${messages.length} bounces, reports and auto-replies over SMTP, rule "every email opens a case and is acknowledged"`);
  const sink = await startSmtpSink();
  const database = await sqliteDatabase(workDir, 'machine-mail');
  const api = await startApi({ root, workDir, label: 'machine-mail', databaseUrl: database.url });
  try {
    const admin = await ApiClient.login(api.url);
    await admin.post('/api/admin/mailboxes', { address: MAILBOX, displayName: 'Bench machine mail', smtp: { host: '127.0.0.1', port: sink.port, secure: false } });
    await admin.post('/api/admin/arc-rules', { mailbox: MAILBOX, name: 'Bench: every email opens a case and is acknowledged', items: [{ id: 'every-email', name: 'Every email', conditions: [], action: 'create-case', acknowledge: true }] });
    const sent = await sendMessages({ ports: [api.smtpPort], messages, connections: 4, recipient: MAILBOX });
    await waitUntilProcessed(admin, { timeoutMs: 600_000 });
    await sendMessages({ ports: [api.smtpPort], messages: [CONTROL], connections: 1, recipient: MAILBOX });
    await waitUntilProcessed(admin, { timeoutMs: 120_000 });
    // Acknowledgements leave during processing; a moment for the last one to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stored = await allEmails(admin);
    const control = stored.find((email) => email.messageId === 'control-customer@bench.autocase.test');
    const emails = stored.filter((email) => email !== control);
    const controlAcknowledged = sink.received.filter((message) => message.to.includes(CONTROL_SENDER)).length;
    const acknowledgements = sink.received.length - controlAcknowledged;
    const kinds = {};
    const outcomes = {};
    for (const email of emails) {
      const kind = email.classification?.kind ?? 'unparsed';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      outcomes[email.outcome ?? 'unprocessed'] = (outcomes[email.outcome ?? 'unprocessed'] ?? 0) + 1;
    }
    const withCase = emails.filter((email) => email.caseId).map((email) => email.subject);
    const cases = withCase.length;
    const details = { files: messages.length, accepted: sent.accepted, refused: sent.refused, refusals: sent.refusals, stored: emails.length, kinds, outcomes, cases, acknowledgements, emailsWithCase: withCase, control: { outcome: control?.outcome ?? null, acknowledgements: controlAcknowledged } };
    const kindText = ['bounce', 'report', 'auto-reply', 'regular'].map((kind) => `${kind} ${kinds[kind] ?? 0}`).join(' / ');
    const rows = [
      figure('machine', `Machine mail classification (bounces-and-autoreplies: ${messages.length} files, ${emails.length} stored, the rest byte-identical)`, kindText, { range: `outcomes ${JSON.stringify(outcomes)}${sent.refused ? `; ${sent.refused} refused over SMTP` : ''}`, target: 'regular 0', pass: (kinds.regular ?? 0) === 0 && sent.refused === 0 }),
      figure('machine', 'Machine mail: cases opened / acknowledgements sent (rule: every email opens a case and is acknowledged)', `${cases} / ${acknowledgements}`, { range: withCase.length ? `cases for: ${withCase.slice(0, 3).join('; ')}` : '', target: '0 / 0', pass: cases === 0 && acknowledgements === 0 }),
      figure('machine', 'Control: a customer\'s "Refund for my cancelled vacation package" after the machine mail (outcome / acknowledgements)', `${control?.outcome ?? 'not stored'} / ${controlAcknowledged}`, { target: 'case-created / 1', pass: control?.outcome === 'case-created' && controlAcknowledged === 1 }),
    ];
    return { rows, details };
  } finally {
    await api.stop();
    await sink.close();
    await database.drop().catch(() => undefined);
  }
}
