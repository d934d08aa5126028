'use client';

import Link from 'next/link';
import { CaseEditor } from '@/components/case/case-editor';
import { MessageList } from '@/components/chat/message-list';
import { EmailThread } from '@/components/email/email-thread';
import { ResourceError } from '@/components/resource-error';
import { Card, CardHeader } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/skeleton';
import type { CaseView } from '@/lib/case-types';
import type { ConversationView } from '@/lib/chat-api';
import { useApiResource } from '@/lib/use-api-resource';

/** One case: the form, timeline and history; beside it the email thread or the chat transcript it came from. */
export function CaseDetail({ caseId }: { caseId: string }) {
  const caseResource = useApiResource<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
  const caseView = caseResource.data;
  const conversationId = caseView?.conversationId ?? null;
  const conversation = useApiResource<ConversationView>(conversationId ? `/conversations/${encodeURIComponent(conversationId)}` : null);

  if (caseResource.error && !caseView) return <ResourceError error={caseResource.error} feature="Case" onRetry={caseResource.reload} />;
  if (!caseView) return <Card className="p-6"><SkeletonRows rows={5} label="Loading case" /></Card>;

  const showEmails = caseView.channel === 'email';
  const side = showEmails ? (
    <EmailThread caseId={caseView.id} />
  ) : conversationId ? (
    <Card className="flex max-h-[calc(100vh-10rem)] flex-col overflow-hidden">
      <CardHeader
        title="Chat transcript"
        actions={conversation.data && conversation.data.state !== 'closed' ? <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/conversations/${encodeURIComponent(conversationId)}`}>Open live chat</Link> : undefined}
      />
      {conversation.error ? (
        <div className="p-6"><ResourceError error={conversation.error} feature="Conversation" onRetry={conversation.reload} /></div>
      ) : conversation.data ? (
        <MessageList messages={conversation.data.messages} own="agent" emptyText="No messages." />
      ) : (
        <div className="p-6"><SkeletonRows rows={3} label="Loading transcript" /></div>
      )}
    </Card>
  ) : null;

  return (
    <div className="space-y-4">
      <Link href="/cases" className="text-sm text-slate-500 hover:text-slate-800">← Cases</Link>
      <div className={side ? 'grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,6fr)_minmax(0,5fr)]' : 'mx-auto max-w-4xl'}>
        {side && <div className="xl:order-2">{side}</div>}
        <Card className="px-6 py-5 xl:order-1">
          <CaseEditor caseId={caseView.id} messages={conversation.data?.messages ?? []} />
        </Card>
      </div>
    </div>
  );
}
