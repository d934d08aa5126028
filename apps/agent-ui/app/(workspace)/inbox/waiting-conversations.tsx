'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveInbox } from '@/components/live-inbox-provider';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api-client';
import { agentChat, customerDisplayName, type ConversationSummary } from '@/lib/chat-api';
import { relativeTime } from '@/lib/relative-time';
import { useApiResource } from '@/lib/use-api-resource';
import { listItems } from '@/lib/list-items';
import { keyTarget } from '@/lib/list-keys';
import { useRealtime } from '@/lib/realtime';
import { useSession } from '@/lib/session';

function Avatar({ name }: { name: string }) {
  return (
    <div aria-hidden="true" className="hidden size-10 shrink-0 sm:flex items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">
      {name.slice(0, 1).toUpperCase()}
    </div>
  );
}

function ConnectionBadge({ state }: { state: string }) {
  if (state === 'connected') return <Badge tone="success">Live</Badge>;
  if (state === 'connecting') return <Badge tone="neutral">Connecting…</Badge>;
  return <Badge tone="warning">Reconnecting — refreshing every 15 s</Badge>;
}

/** The queue is fair: the chat waiting longest comes first (ties keep the API's order). */
function oldestFirst(conversations: ConversationSummary[]): ConversationSummary[] {
  return [...conversations].sort((left, right) => left.createdAt.localeCompare(right.createdAt));
}

export function WaitingConversations() {
  const { waiting, error, connection, reload } = useLiveInbox();
  const router = useRouter();
  const [accepting, setAccepting] = useState<string | null>(null);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  /** The row whose Accept button is the list's one Tab stop (arrow keys, Home and End move it). */
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const acceptButtons = useRef(new Map<string, HTMLButtonElement>());
  const ordered = useMemo(() => oldestFirst(waiting ?? []), [waiting]);
  const newestId = ordered.length > 1 ? ordered.at(-1)!.id : null;
  const tabStopId = ordered.some((conversation) => conversation.id === focusedId) ? focusedId : (ordered[0]?.id ?? null);

  function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
    const index = ordered.findIndex((conversation) => conversation.id === tabStopId);
    const target = keyTarget(event.key, index, ordered.length);
    if (target === null) return;
    event.preventDefault();
    const id = ordered[target]!.id;
    setFocusedId(id);
    acceptButtons.current.get(id)?.focus();
  }
  const active = useApiResource<{ items: ConversationSummary[] }>('/conversations?state=active&mine=true');
  const wrappingUp = useApiResource<{ items: ConversationSummary[] }>('/conversations?state=wrap-up&mine=true');
  const myConversations = [...listItems(active.data), ...listItems(wrappingUp.data)];
  const session = useSession();
  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  useRealtime(auth, {
    'conversation.updated': () => {
      active.reload();
      wrappingUp.reload();
    },
  });

  async function accept(conversation: ConversationSummary) {
    setAccepting(conversation.id);
    setAcceptError(null);
    const target = `/conversations/${encodeURIComponent(conversation.id)}`;
    // The page's code loads while the API accepts (and creates the case).
    router.prefetch(target);
    try {
      await agentChat.accept(conversation.id);
      router.push(target);
    } catch (caught) {
      setAcceptError(caught instanceof ApiError ? caught.message : String(caught));
      setAccepting(null);
      reload();
    }
  }

  return (
    <>
      <PageHeader title="Inbox" description="Live chats waiting for an agent. New chats appear here as they arrive." actions={<ConnectionBadge state={connection} />} />
      {acceptError && (
        <Alert tone="error" title="Could not accept the chat" className="mb-4">
          {acceptError}
        </Alert>
      )}
      {error && !waiting ? (
        <ResourceError error={error} feature="Inbox" onRetry={reload} />
      ) : !waiting ? (
        <Card className="p-6">
          <SkeletonRows rows={3} label="Loading waiting conversations" />
        </Card>
      ) : waiting.length === 0 ? (
        <EmptyState title="No one is waiting" description="New chats appear here as soon as a customer starts one. You will see a notification and a count in the tab title." />
      ) : (
        <Card>
          <CardHeader title={`Waiting (${waiting.length})`} description="Oldest first. Accept a chat to open it with its case. Keyboard: ↑ ↓ move between chats, End jumps to the newest, Enter accepts." />
          <ul className="divide-y divide-slate-100" aria-label="Waiting conversations" onKeyDown={moveFocus}>
            {ordered.map((conversation) => {
              const name = customerDisplayName(conversation);
              const lastMessage = conversation.lastMessage;
              return (
                <li key={conversation.id} className="flex items-center gap-3 px-4 py-4 sm:gap-4 sm:px-6" aria-label={`Chat with ${name}`}>
                  <Avatar name={name} />
                  <div className="min-w-0 flex-1">
                    <div className="flex min-w-0 items-center gap-2">
                      <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
                      {conversation.customer.email && conversation.customer.name && <span className="hidden truncate text-xs text-slate-500 sm:inline">{conversation.customer.email}</span>}
                      {conversation.origin !== 'direct' && <Badge tone="brand">from {conversation.origin}</Badge>}
                      {conversation.id === newestId && <Badge tone="success">Newest</Badge>}
                    </div>
                    <p className="truncate text-sm text-slate-500">{lastMessage?.text ?? 'No messages yet'}</p>
                    <p className="text-xs text-slate-400 sm:hidden">waiting {relativeTime(conversation.createdAt)}</p>
                  </div>
                  <p className="hidden shrink-0 text-xs text-slate-400 sm:block">waiting {relativeTime(conversation.createdAt)}</p>
                  <Button
                    variant="primary"
                    ref={(button) => {
                      if (button) acceptButtons.current.set(conversation.id, button);
                      else acceptButtons.current.delete(conversation.id);
                    }}
                    tabIndex={conversation.id === tabStopId ? 0 : -1}
                    aria-label={`Accept chat with ${name}`}
                    onFocus={() => setFocusedId(conversation.id)}
                    loading={accepting === conversation.id}
                    disabled={accepting !== null}
                    onClick={() => accept(conversation)}
                  >
                    Accept
                  </Button>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      {myConversations.length > 0 && (
        <Card className="mt-6">
          <CardHeader title="Your active chats" />
          <ul className="divide-y divide-slate-100" aria-label="Active conversations">
            {myConversations.map((conversation) => (
              <li key={conversation.id}>
                <Link href={`/conversations/${encodeURIComponent(conversation.id)}`} className="flex items-center gap-4 px-6 py-3 hover:bg-slate-50">
                  <Avatar name={customerDisplayName(conversation)} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-semibold text-slate-900">{customerDisplayName(conversation)}</p>
                    <p className="truncate text-sm text-slate-500">{conversation.lastMessage?.text ?? 'No messages yet'}</p>
                  </div>
                  <Badge tone={conversation.state === 'active' ? 'success' : 'warning'}>{conversation.state}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
