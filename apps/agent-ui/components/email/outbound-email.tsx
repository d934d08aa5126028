import { Badge } from '../ui/badge';
import type { OutboundEmailView } from '@/lib/case-types';

const KIND_LABEL = { acknowledgement: 'Acknowledgement', 'agent-reply': 'Reply', notification: 'Notification' } as const;

/** How a sent message fared: accepted by the SMTP server, failed to send, or bounced. */
export function DeliveryBadge({ email }: { email: OutboundEmailView }) {
  if (email.delivery === 'failed') return <Badge tone="danger">Not sent</Badge>;
  if (email.delivery === 'bounced') return <Badge tone="warning">Bounced</Badge>;
  return <Badge tone="success">Sent</Badge>;
}

export function outboundLabel(email: OutboundEmailView): string {
  return KIND_LABEL[email.kind] ?? email.kind;
}

/** A message we sent on the case (an acknowledgement or an agent's reply), in the thread. */
export function OutboundEmailItem({ email }: { email: OutboundEmailView }) {
  const sent = new Date(email.sentAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article className="ml-6 rounded-lg border border-brand-100 bg-brand-50/40" aria-label={`${outboundLabel(email)} sent: ${email.subject}`} data-testid="outbound-email" data-delivery={email.delivery}>
      <header className="flex items-start gap-3 border-b border-brand-100 px-4 py-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900">
            {outboundLabel(email)}
            {email.sentBy ? ` from ${email.sentBy}` : ''}
          </p>
          <p className="truncate text-xs text-slate-500">to {email.to.join(', ')}</p>
          <p className="mt-1 text-sm text-slate-800">{email.subject}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-right">
          <time className="text-xs text-slate-400" dateTime={email.sentAt}>{sent}</time>
          <DeliveryBadge email={email} />
        </div>
      </header>
      <div className="px-4 py-3">
        <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{email.text ?? '(the text of this message was not kept)'}</pre>
        {email.deliveryError && <p className="mt-2 text-xs font-medium text-red-700">{email.delivery === 'bounced' ? 'Bounced' : 'Not sent'}: {email.deliveryError}</p>}
      </div>
    </article>
  );
}
