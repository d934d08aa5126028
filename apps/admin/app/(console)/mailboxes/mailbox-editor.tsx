'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/form-field';
import { Switch } from '@/components/ui/switch';
import { generatePassword } from '../users/user-types';
import { AcknowledgementEditor } from './acknowledgement-editor';
import { ImapSection, SmtpSection } from './mailbox-connection-sections';
import type { MailboxDraft } from './mailbox-draft';
import { SpamEditor } from './spam-editor';

/** `GET /api/admin/mailboxes/default-transport`: where a mailbox without its own SMTP sends. */
export interface OutboundTransportView {
  kind: 'mailbox-smtp' | 'server-smtp' | 'outbox' | 'none';
  delivers: boolean;
  description: string;
}

interface MailboxEditorProps {
  draft: MailboxDraft;
  errors: Record<string, string>;
  onChange: (draft: MailboxDraft) => void;
  /** The server's default transport; undefined while it loads. */
  defaultTransport?: OutboundTransportView;
}

/** What happens to replies when the mailbox has no SMTP of its own: said as it is. */
function DefaultTransportNote({ transport }: { transport?: OutboundTransportView }) {
  if (!transport) return <p className="text-sm text-slate-500">Off. Replies and acknowledgements use the server&apos;s default transport.</p>;
  if (transport.kind === 'none') {
    return <p className="text-sm font-medium text-red-700" data-testid="reply-transport">Off, and the server has no default transport: agent replies from this mailbox fail and no acknowledgement is sent. Turn outbound SMTP on, or set MAIL_DEFAULT_TRANSPORT on the server.</p>;
  }
  return (
    <p className={transport.delivers ? 'text-sm text-slate-600' : 'text-sm font-medium text-amber-800'} data-testid="reply-transport">
      Off. Replies and acknowledgements go through {transport.description}.{transport.delivers ? '' : ' Customers do not receive them.'}
    </p>
  );
}

function Section({ title, description, children, toggle }: { title: string; description: string; children: ReactNode; toggle?: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} actions={toggle} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}

export function MailboxEditor({ draft, errors, onChange, defaultTransport }: MailboxEditorProps) {
  const patch = (changes: Partial<MailboxDraft>) => onChange({ ...draft, ...changes });
  const sub = (prefix: string) => Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith(`${prefix}.`)).map(([key, value]) => [key.slice(prefix.length + 1), value]));
  return (
    <div className="space-y-6">
      <Section title="Address" description="Mail sent to this address becomes cases according to its ARC rule.">
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label="Inbound address" type="email" placeholder="support@example.com" value={draft.address} error={errors.address} onChange={(event) => patch({ address: event.target.value })} />
          <TextField label="Display name" placeholder="Acme Support" value={draft.displayName} error={errors.displayName} onChange={(event) => patch({ displayName: event.target.value })} />
          <div className="flex items-end gap-2 md:col-span-2">
            <TextField
              label="Webhook secret"
              className="flex-1 [&_input]:font-mono"
              value={draft.webhookSecret}
              error={errors.webhookSecret}
              autoComplete="off"
              placeholder={draft.webhookSecretSet ? 'Set (hidden) — leave blank to keep it' : draft.id ? 'Not set' : 'Leave blank to have one generated'}
              hint="Providers that POST inbound mail to /api/channels/email/inbound must send this secret. At least 16 characters. It is shown only once: copy it before saving; a new one replaces the old at once."
              onChange={(event) => patch({ webhookSecret: event.target.value })}
            />
            <Button className="mb-6" onClick={() => patch({ webhookSecret: generatePassword(32) })}>
              {draft.webhookSecretSet ? 'Rotate' : 'Generate'}
            </Button>
          </div>
          <Checkbox label="Mailbox enabled" checked={draft.enabled} onChange={(enabled) => patch({ enabled })} />
        </div>
      </Section>
      <Section
        title="IMAP account"
        description="Poll an existing mailbox instead of (or as well as) receiving over SMTP."
        toggle={<Switch label={<span className="sr-only">Poll over IMAP</span>} checked={draft.imapEnabled} onChange={(imapEnabled) => patch({ imapEnabled })} />}
      >
        {draft.imapEnabled ? <ImapSection imap={draft.imap} mailboxId={draft.id} errors={errors} onChange={(imap) => patch({ imap })} /> : <p className="text-sm text-slate-500">Off. Mail arrives over the built-in SMTP listener or the inbound webhook.</p>}
      </Section>
      <Section
        title="Outbound SMTP"
        description="How acknowledgements and agent replies are sent from this address."
        toggle={<Switch label={<span className="sr-only">Send over SMTP</span>} checked={draft.smtpEnabled} onChange={(smtpEnabled) => patch({ smtpEnabled })} />}
      >
        {draft.smtpEnabled ? <SmtpSection smtp={draft.smtp} mailboxId={draft.id} errors={errors} onChange={(smtp) => patch({ smtp })} /> : <DefaultTransportNote transport={defaultTransport} />}
      </Section>
      <Section title="Acknowledgement" description="Sent when an ARC rule item says so — never to bulk mail, auto-replies or bounces.">
        <AcknowledgementEditor value={draft.acknowledgement} mailbox={draft.address} errors={sub('acknowledgement')} onChange={(acknowledgement) => patch({ acknowledgement })} />
      </Section>
      <Section
        title="Spam"
        description="Spam is quarantined in Email activity: never a case, never acknowledged, until someone says “Not spam”."
        toggle={<Switch label={<span className="sr-only">Spam handling</span>} checked={draft.spam.enabled} onChange={(enabled) => patch({ spam: { ...draft.spam, enabled } })} />}
      >
        <SpamEditor value={draft.spam} errors={sub('spam')} onChange={(spam) => patch({ spam })} />
      </Section>
    </div>
  );
}
