'use client';

import { Checkbox } from '@/components/ui/checkbox';
import { SelectField, TextField } from '@/components/ui/form-field';
import { ConnectionTest } from './connection-test';
import { imapPayload, smtpPayload, type ImapDraft, type SmtpDraft } from './mailbox-draft';

type Errors = Record<string, string>;

export function ImapSection({ imap, mailboxId, errors, onChange }: { imap: ImapDraft; mailboxId?: string; errors: Errors; onChange: (imap: ImapDraft) => void }) {
  const patch = (changes: Partial<ImapDraft>) => onChange({ ...imap, ...changes });
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[1fr_120px]">
        <TextField label="IMAP host" placeholder="imap.example.com" value={imap.host} error={errors['imap.host']} onChange={(event) => patch({ host: event.target.value })} />
        <TextField label="Port" type="number" value={imap.port} error={errors['imap.port']} onChange={(event) => patch({ port: Number(event.target.value) })} />
        <TextField label="User" autoComplete="off" value={imap.user} error={errors['imap.user']} onChange={(event) => patch({ user: event.target.value })} />
        <div />
        <TextField label="Password" type="password" autoComplete="new-password" placeholder={mailboxId ? 'Leave blank to keep the stored password' : ''} value={imap.password} error={errors['imap.password']} onChange={(event) => patch({ password: event.target.value })} />
        <div />
        <TextField label="Folder" value={imap.folder} error={errors['imap.folder']} onChange={(event) => patch({ folder: event.target.value })} />
        <TextField label="Poll every (s)" type="number" value={imap.pollIntervalSeconds} error={errors['imap.pollIntervalSeconds']} onChange={(event) => patch({ pollIntervalSeconds: Number(event.target.value) })} />
        <SelectField label="After a message is stored" value={imap.afterAccept} onChange={(event) => patch({ afterAccept: event.target.value as ImapDraft['afterAccept'] })}>
          <option value="mark-seen">Mark it as seen</option>
          <option value="move">Move it to a folder</option>
        </SelectField>
        {imap.afterAccept === 'move' ? <TextField label="Move to" value={imap.moveTo} error={errors['imap.moveTo']} onChange={(event) => patch({ moveTo: event.target.value })} /> : <div />}
      </div>
      <Checkbox label="Use TLS" checked={imap.secure} onChange={(secure) => patch({ secure })} />
      <ConnectionTest kind="imap" mailboxId={mailboxId} settings={imapPayload(imap)} />
    </div>
  );
}

export function SmtpSection({ smtp, mailboxId, errors, onChange }: { smtp: SmtpDraft; mailboxId?: string; errors: Errors; onChange: (smtp: SmtpDraft) => void }) {
  const patch = (changes: Partial<SmtpDraft>) => onChange({ ...smtp, ...changes });
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[1fr_120px]">
        <TextField label="SMTP host" placeholder="smtp.example.com" value={smtp.host} error={errors['smtp.host']} onChange={(event) => patch({ host: event.target.value })} />
        <TextField label="Port" type="number" value={smtp.port} error={errors['smtp.port']} onChange={(event) => patch({ port: Number(event.target.value) })} />
        <TextField label="User" autoComplete="off" value={smtp.user} error={errors['smtp.user']} onChange={(event) => patch({ user: event.target.value })} />
        <div />
        <TextField label="Password" type="password" autoComplete="new-password" placeholder={mailboxId ? 'Leave blank to keep the stored password' : ''} value={smtp.password} error={errors['smtp.password']} onChange={(event) => patch({ password: event.target.value })} />
        <div />
        <TextField label="From address" placeholder="Defaults to the mailbox address" value={smtp.from} error={errors['smtp.from']} onChange={(event) => patch({ from: event.target.value })} />
      </div>
      <Checkbox label="Use TLS from the start (port 465)" description="Otherwise STARTTLS is used when the server offers it." checked={smtp.secure} onChange={(secure) => patch({ secure })} />
      <ConnectionTest kind="smtp" mailboxId={mailboxId} settings={smtpPayload(smtp)} />
    </div>
  );
}
