'use client';

import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/form-field';
import type { MailboxDraft } from './mailbox-draft';

interface SpamEditorProps {
  value: MailboxDraft['spam'];
  errors: Record<string, string>;
  onChange: (value: MailboxDraft['spam']) => void;
}

/** The mailbox's spam policy: upstream verdict, authentication failures, the built-in classifier. */
export function SpamEditor({ value, errors, onChange }: SpamEditorProps) {
  const patch = (changes: Partial<MailboxDraft['spam']>) => onChange({ ...value, ...changes });
  if (!value.enabled) return <p className="text-sm text-slate-500">Off. No email of this mailbox is quarantined; mail that failed DMARC is still never acknowledged.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Checkbox label="Honour the upstream spam flag" description="X-Spam-Flag: YES or X-Spam-Status: Yes from the mail server in front of Autocase." checked={value.honourUpstreamFlag} onChange={(honourUpstreamFlag) => patch({ honourUpstreamFlag })} />
      <TextField
        label="Upstream score threshold"
        inputMode="decimal"
        placeholder="the server's required= score"
        value={value.upstreamScoreThreshold}
        error={errors.upstreamScoreThreshold}
        hint="Quarantine when X-Spam-Score (or score= of X-Spam-Status) reaches this. Blank: the server's own required score."
        onChange={(event) => patch({ upstreamScoreThreshold: event.target.value })}
      />
      <Checkbox label="Quarantine DMARC failures" description="Authentication-Results: dmarc=fail (the sender's domain says the message is not theirs)." checked={value.quarantineOnDmarcFail} onChange={(quarantineOnDmarcFail) => patch({ quarantineOnDmarcFail })} />
      <Checkbox label="Quarantine SPF and DKIM failures" description="Both spf=fail and dkim=fail, for domains without a DMARC policy. Off by default: forwarding breaks them." checked={value.quarantineOnSpfAndDkimFail} onChange={(quarantineOnSpfAndDkimFail) => patch({ quarantineOnSpfAndDkimFail })} />
      <Checkbox label="Built-in spam classifier" description="Trained on public spam corpora, then on your team's “Not spam” / “Mark as spam” decisions." checked={value.classifier} onChange={(classifier) => patch({ classifier })} />
      <TextField
        label="Classifier threshold"
        inputMode="decimal"
        placeholder="0.5 (the model's own)"
        value={value.classifierThreshold}
        error={errors.classifierThreshold}
        hint="Spam probability from 0.05 to 1 at which the classifier quarantines. Higher lets more through."
        disabled={!value.classifier}
        onChange={(event) => patch({ classifierThreshold: event.target.value })}
      />
    </div>
  );
}
