'use client';

import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';
import { agentChat, customerDisplayName, type ConversationSummary } from '@/lib/chat-api';
import { useRealtime, type ConnectionState } from '@/lib/realtime';
import { useSession } from '@/lib/session';
import { badgedTitle } from '@/lib/title-badge';
import { useToast } from './toast-provider';

interface LiveInbox {
  waiting: ConversationSummary[] | undefined;
  error: ApiError | undefined;
  connection: ConnectionState;
  reload: () => void;
}

const LiveInboxContext = createContext<LiveInbox>({ waiting: undefined, error: undefined, connection: 'connecting', reload: () => undefined });
const FALLBACK_POLL_MS = 15_000;

/** Keeps `(count)` in front of the page title, also after a navigation sets a new one. */
function useTitleBadge(count: number): void {
  useEffect(() => {
    const apply = () => {
      const next = badgedTitle(document.title, count);
      if (next !== null) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      const plain = badgedTitle(document.title, 0);
      if (plain !== null) document.title = plain;
    };
  }, [count]);
}

/** Keeps the waiting conversations fresh for the whole workspace: socket events, a slow poll as a safety net, a title badge and a toast per new chat. */
export function LiveInboxProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const toast = useToast();
  const [waiting, setWaiting] = useState<ConversationSummary[] | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const known = useRef<Set<string> | null>(null);
  // On the inbox the new row itself is the notification: no toast over its Accept button, no "Go to inbox".
  const pathname = usePathname();
  const onInbox = useRef(false);
  useEffect(() => {
    onInbox.current = pathname === '/inbox' || pathname.startsWith('/inbox/');
  }, [pathname]);
  const loading = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    agentChat
      .list({ state: 'waiting' }, controller.signal)
      .then((list) => {
        const previous = known.current;
        if (previous && !onInbox.current) {
          for (const conversation of list) {
            if (!previous.has(conversation.id)) {
              toast({ title: `New chat from ${customerDisplayName(conversation)}`, description: conversation.lastMessage?.text, href: '/inbox', actionLabel: 'Go to inbox' });
            }
          }
        }
        known.current = new Set(list.map((conversation) => conversation.id));
        setWaiting(list);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) }));
      });
  }, [toast]);

  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  const { state } = useRealtime(
    auth,
    {
      'conversation.waiting': reload,
      'conversation.updated': reload,
    },
    reload,
  );

  useEffect(() => {
    if (!session) return;
    reload();
    const timer = window.setInterval(reload, FALLBACK_POLL_MS);
    return () => {
      window.clearInterval(timer);
      loading.current?.abort();
    };
  }, [session, reload]);

  useTitleBadge(waiting?.length ?? 0);

  const value = useMemo(() => ({ waiting, error, connection: state, reload }), [waiting, error, state, reload]);
  return <LiveInboxContext.Provider value={value}>{children}</LiveInboxContext.Provider>;
}

export function useLiveInbox(): LiveInbox {
  return useContext(LiveInboxContext);
}
