'use client';

import type { Conversation } from '@autocase/core';
import { useEffect } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { listItems } from '@/lib/list-items';
import { relativeTime } from '@/lib/relative-time';
import { useApiResource } from '@/lib/use-api-resource';

const REFRESH_MS = 5000;

function customerName(conversation: Conversation): string {
  return conversation.customer.name || conversation.customer.email || 'Website visitor';
}

export function WaitingConversations() {
  const resource = useApiResource<Conversation[] | { items: Conversation[] }>('/conversations?state=waiting');
  const { reload } = resource;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const conversations = listItems(resource.data);

  return (
    <>
      <PageHeader title="Inbox" description="Live chats waiting for an agent. The list refreshes on its own." />
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Inbox" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={3} label="Loading waiting conversations" />
        </Card>
      ) : conversations.length === 0 ? (
        <EmptyState title="No one is waiting" description="New chats appear here as soon as a customer starts one." />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Waiting conversations">
            {conversations.map((conversation) => {
              const lastMessage = conversation.messages.at(-1);
              return (
                <li key={conversation.id} className="flex items-center gap-4 px-6 py-4">
                  <div aria-hidden="true" className="flex size-10 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">
                    {customerName(conversation).slice(0, 1).toUpperCase()}
                  </div>
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center gap-2">
                      <p className="truncate text-sm font-semibold text-slate-900">{customerName(conversation)}</p>
                      {conversation.origin !== 'direct' && <Badge tone="brand">from {conversation.origin}</Badge>}
                    </div>
                    <p className="truncate text-sm text-slate-500">{lastMessage?.text ?? 'No messages yet'}</p>
                  </div>
                  <p className="shrink-0 text-xs text-slate-400">{relativeTime(conversation.createdAt)}</p>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </>
  );
}
