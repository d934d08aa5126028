import type { ConversationView } from '@/lib/chat-api';
import { relativeTime } from '@/lib/relative-time';

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 break-words text-slate-900">{value || '—'}</dd>
    </div>
  );
}

/** Who the customer is and what the pre-chat survey or the escalating bot told us. */
export function ConversationDetails({ conversation }: { conversation: ConversationView }) {
  const context = Object.entries(conversation.context ?? {});
  return (
    <div className="space-y-6">
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Customer</h3>
        <dl className="mt-2 divide-y divide-slate-100">
          <Row label="Name" value={conversation.customer.name} />
          <Row label="Email" value={conversation.customer.email} />
          <Row label="Phone" value={conversation.customer.phone} />
        </dl>
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Conversation</h3>
        <dl className="mt-2 divide-y divide-slate-100">
          <Row label="Started" value={relativeTime(conversation.createdAt)} />
          <Row label="Origin" value={conversation.origin === 'direct' ? 'Chat widget' : `Escalated by ${conversation.origin}`} />
          <Row label="Messages" value={String(conversation.messages.length)} />
        </dl>
      </section>
      {context.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Pre-chat context</h3>
          <dl className="mt-2 divide-y divide-slate-100">
            {context.map(([key, value]) => (
              <Row key={key} label={key} value={value} />
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
