'use client';

import type { ChatMessage, ConversationState } from '@autocase/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PreChatSurvey } from './pre-chat-survey';
import { MessageComposer } from '@/components/chat/message-composer';
import { MessageList } from '@/components/chat/message-list';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Spinner } from '@/components/ui/spinner';
import { ApiError } from '@autocase/web-client';
import { mergeMessage, messageFromPayload } from '@/lib/chat-api';
import { customerChat, loadChatSession, saveChatSession, type CustomerChatSession } from '@/lib/customer-chat-api';
import { useRealtime } from '@/lib/realtime';

type Phase = 'loading' | 'survey' | ConversationState;

const STATUS: Record<Exclude<Phase, 'loading' | 'survey'>, { label: string; detail: string; dot: string }> = {
  waiting: { label: 'Waiting for an agent', detail: 'You are in the queue. Keep this window open; we will be with you shortly.', dot: 'bg-amber-400' },
  active: { label: 'Connected', detail: 'You are chatting with our support team.', dot: 'bg-emerald-500' },
  'wrap-up': { label: 'Connected', detail: 'The agent is finishing up your request.', dot: 'bg-emerald-500' },
  closed: { label: 'Chat ended', detail: 'This conversation has ended. Thank you for contacting us!', dot: 'bg-slate-400' },
};

/** The customer's chat: pre-chat survey, then messages in real time with a clear waiting / connected / ended state. */
export function CustomerChat({ embedded }: { embedded: boolean }) {
  const [session, setSession] = useState<CustomerChatSession | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [agentTyping, setAgentTyping] = useState<string | null>(null);
  const [agentName, setAgentName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);

  const refresh = useCallback((current: CustomerChatSession) => {
    customerChat
      .get(current)
      .then((conversation) => {
        setMessages(conversation.messages);
        setPhase(conversation.state);
        setProblem(null);
        const agent = [...conversation.messages].reverse().find((message) => message.sender === 'agent');
        if (agent?.senderName) setAgentName(agent.senderName);
      })
      .catch((caught: unknown) => {
        if (caught instanceof ApiError && (caught.status === 401 || caught.status === 404)) {
          saveChatSession(null);
          setSession(null);
          setPhase('survey');
        } else setProblem(caught instanceof Error ? caught.message : String(caught));
      });
  }, []);

  useEffect(() => {
    const stored = loadChatSession();
    if (stored) {
      setSession(stored);
      refresh(stored);
    } else setPhase('survey');
  }, [refresh]);

  useEffect(() => {
    if (!embedded) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'autocase:close' }, '*');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [embedded]);

  const auth = useMemo(() => (session ? { conversationId: session.conversationId, conversationToken: session.conversationToken } : null), [session]);
  const { socket, state: connection } = useRealtime(
    auth,
    {
      'conversation.message': (payload) => {
        const message = messageFromPayload(payload);
        if (!message) return;
        setMessages((current) => mergeMessage(current, message));
        if (message.sender === 'agent') {
          setAgentTyping(null);
          if (message.senderName) setAgentName(message.senderName);
        }
      },
      'conversation.updated': (payload) => {
        if (typeof payload.state === 'string') setPhase(payload.state as ConversationState);
      },
      typing: (payload) => {
        if (payload.sender !== 'agent') return;
        window.clearTimeout(typingTimer.current);
        if (payload.typing === true) {
          setAgentTyping(`${typeof payload.name === 'string' ? payload.name : 'The agent'} is typing…`);
          typingTimer.current = window.setTimeout(() => setAgentTyping(null), 8000);
        } else setAgentTyping(null);
      },
    },
    () => {
      if (session) refresh(session);
    },
  );

  async function start(survey: { name: string; email: string; question: string }) {
    const started = await customerChat.start(survey);
    const next = { conversationId: started.id, conversationToken: started.conversationToken, name: survey.name.trim() };
    saveChatSession(next);
    setSession(next);
    setPhase(started.state);
    refresh(next);
  }

  function startOver() {
    saveChatSession(null);
    setSession(null);
    setMessages([]);
    setAgentName(null);
    setPhase('survey');
  }

  const status = phase !== 'loading' && phase !== 'survey' ? STATUS[phase] : null;
  return (
    <div className={cx('flex flex-col bg-white', embedded ? 'h-screen' : 'min-h-screen items-center justify-center bg-slate-100 p-4')}>
      <div className={cx('flex w-full flex-col overflow-hidden bg-white', embedded ? 'h-full' : 'h-[42rem] max-w-md rounded-2xl shadow-xl ring-1 ring-slate-200')}>
        <header className="bg-brand-600 px-5 py-4 text-white">
          <h1 className="text-base font-semibold">Chat with us</h1>
          {status ? (
            <p className="mt-1 flex items-center gap-2 text-sm text-brand-100" data-testid="chat-status" data-state={phase}>
              <span aria-hidden="true" className={cx('size-2 rounded-full', status.dot)} />
              {phase === 'active' && agentName ? `Connected with ${agentName}` : status.label}
            </p>
          ) : (
            <p className="mt-1 text-sm text-brand-100">We usually answer within a few minutes.</p>
          )}
        </header>
        {phase === 'loading' ? (
          <div className="flex flex-1 items-center justify-center text-slate-400" role="status" aria-label="Loading chat">
            <Spinner className="size-6" />
          </div>
        ) : phase === 'survey' ? (
          <PreChatSurvey onStart={start} />
        ) : (
          <>
            {status && (
              <div role="status" className={cx('border-b px-5 py-2.5 text-xs', phase === 'waiting' ? 'border-amber-100 bg-amber-50 text-amber-900' : phase === 'closed' ? 'border-slate-100 bg-slate-50 text-slate-600' : 'border-emerald-100 bg-emerald-50 text-emerald-900')}>
                {status.detail}
                {connection === 'disconnected' && ' Reconnecting…'}
              </div>
            )}
            {problem && <p role="alert" className="bg-red-50 px-5 py-2 text-xs text-red-700">{problem}</p>}
            <div className="flex min-h-0 flex-1 flex-col bg-slate-50">
              <MessageList messages={messages} own="customer" typingLabel={agentTyping} emptyText="Your messages appear here." />
            </div>
            {phase === 'closed' ? (
              <div className="border-t border-slate-200 p-4 text-center">
                <Button variant="primary" onClick={startOver}>
                  Start a new chat
                </Button>
              </div>
            ) : (
              <MessageComposer
                placeholder={phase === 'waiting' ? 'Add details while you wait…' : 'Type your message…'}
                onSend={async (text) => {
                  if (!session) return;
                  const message = await customerChat.send(session, text);
                  setMessages((current) => mergeMessage(current, message));
                }}
                onTyping={(typing) => socket?.emit('typing', { typing })}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
