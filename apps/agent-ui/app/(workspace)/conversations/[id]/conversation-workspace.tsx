'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CaseEditor } from '@/components/case/case-editor';
import { ConversationDetails } from '@/components/chat/conversation-details';
import { MessageComposer } from '@/components/chat/message-composer';
import { MessageList } from '@/components/chat/message-list';
import { ResourceError } from '@/components/resource-error';
import { useToast } from '@/components/toast-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tabs, tabPanelProps } from '@/components/ui/tabs';
import { ApiError } from '@/lib/api-client';
import { agentChat, customerDisplayName, mergeMessage, messageFromPayload, type ConversationView } from '@/lib/chat-api';
import { payloadString, useRealtime, type RealtimePayload } from '@/lib/realtime';
import { useSession } from '@/lib/session';

interface CaseTab {
  caseId: string;
  number: string | null;
  fresh: boolean;
}

const STATE_LABEL = { waiting: 'Waiting', active: 'Active', 'wrap-up': 'Wrap-up', closed: 'Ended' } as const;
const STATE_TONE = { waiting: 'warning', active: 'success', 'wrap-up': 'brand', closed: 'neutral' } as const;

/** The Active Conversation view: the chat on the left, the customer and the case (in tabs) on the right. */
export function ConversationWorkspace({ conversationId }: { conversationId: string }) {
  const session = useSession();
  const toast = useToast();
  const [conversation, setConversation] = useState<ConversationView | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [caseTabs, setCaseTabs] = useState<CaseTab[]>([]);
  const [selected, setSelected] = useState('customer');
  const [typing, setTyping] = useState<string | null>(null);
  const [busy, setBusy] = useState<'accept' | 'wrap-up' | 'end' | 'case' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'info' | 'error' | 'success'; text: string } | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);
  /** Counts case-work outcomes, so a slower HTTP answer never hides an outcome that arrived first. */
  const caseWorkOutcomes = useRef(0);

  const load = useCallback(() => {
    agentChat
      .get(conversationId)
      .then((loaded) => {
        setConversation(loaded);
        setError(undefined);
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) })));
  }, [conversationId]);
  useEffect(load, [load]);

  const openCase = useCallback((caseId: string, number: string | null, fresh: boolean) => {
    setCaseTabs((tabs) => (tabs.some((tab) => tab.caseId === caseId) ? tabs.map((tab) => (tab.caseId === caseId ? { ...tab, number: tab.number ?? number } : tab)) : [...tabs, { caseId, number, fresh }]));
    setSelected(`case-${caseId}`);
  }, []);

  const openCaseNumber = useCallback((caseId: string, number: string) => {
    setCaseTabs((tabs) => (tabs.some((tab) => tab.caseId === caseId && tab.number !== number) ? tabs.map((tab) => (tab.caseId === caseId ? { ...tab, number } : tab)) : tabs));
  }, []);

  const knownCaseId = conversation?.caseId ?? null;
  useEffect(() => {
    if (knownCaseId) openCase(knownCaseId, null, false);
  }, [knownCaseId, openCase]);

  const forThis = (payload: RealtimePayload) => payloadString(payload, 'conversationId') === conversationId;
  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  const { socket } = useRealtime(
    auth,
    {
      'conversation.message': (payload) => {
        if (!forThis(payload)) return;
        const message = messageFromPayload(payload);
        if (!message) return load();
        setConversation((current) => (current ? { ...current, messages: mergeMessage(current.messages, message) } : current));
        if (message.sender === 'customer') setTyping(null);
      },
      'conversation.updated': (payload) => {
        if (!forThis(payload)) return;
        load();
      },
      'case.created': (payload) => {
        if (!forThis(payload)) return;
        const caseId = payloadString(payload, 'caseId');
        if (!caseId) return;
        openCase(caseId, payloadString(payload, 'caseNumber') ?? null, true);
        toast({ tone: 'success', title: `Case ${payloadString(payload, 'caseNumber') ?? ''} created`.replace('  ', ' '), description: 'Its fields were filled from the conversation.' });
      },
      'conversation.case-work': (payload) => {
        if (!forThis(payload)) return;
        caseWorkOutcomes.current += 1;
        const caseId = payloadString(payload, 'caseId');
        if (caseId) openCase(caseId, null, false);
        const outcome = payloadString(payload, 'outcome');
        const message = payloadString(payload, 'message');
        const summary = payload.summaryNote as { created?: boolean } | undefined;
        if (outcome === 'not-enough-context' && message) setNotice({ tone: 'info', text: `No case was created: ${message}` });
        else if (payload.trigger === 'end') setNotice({ tone: 'success', text: summary?.created ? 'The chat has ended. The summary note was added to the case timeline.' : 'The chat has ended and the case is up to date.' });
        else if (payload.trigger === 'wrap-up' && outcome === 'updated') {
          const changed = Array.isArray(payload.changed) ? payload.changed.length : 0;
          setNotice({ tone: changed > 0 ? 'success' : 'info', text: changed > 0 ? `Wrap-up: ${changed} ${changed === 1 ? 'field was' : 'fields were'} updated from the conversation.` : `Wrap-up: ${message ?? 'the case is up to date.'}` });
        }
      },
      typing: (payload) => {
        if (!forThis(payload) || payload.sender !== 'customer') return;
        window.clearTimeout(typingTimer.current);
        if (payload.typing === true) {
          setTyping(`${payloadString(payload, 'name') ?? 'The customer'} is typing…`);
          typingTimer.current = window.setTimeout(() => setTyping(null), 8000);
        } else setTyping(null);
      },
    },
    () => load(),
  );

  async function transition(kind: 'wrap-up' | 'end') {
    setBusy(kind);
    setNotice(null);
    const outcomesBefore = caseWorkOutcomes.current;
    try {
      const result = kind === 'wrap-up' ? await agentChat.wrapUp(conversationId) : await agentChat.end(conversationId);
      setConversation(result.conversation);
      if (caseWorkOutcomes.current === outcomesBefore)
        setNotice({ tone: 'success', text: kind === 'wrap-up' ? 'Wrap-up started: the case is being updated from the conversation.' : 'The chat has ended. The case and the summary note are being prepared.' });
    } catch (caught) {
      setNotice({ tone: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  }

  async function accept() {
    setBusy('accept');
    setNotice(null);
    try {
      const result = await agentChat.accept(conversationId);
      setConversation(result.conversation);
      if (!result.caseOutcome.created && result.caseOutcome.reason === 'not-enough-context') setNotice({ tone: 'info', text: `No case yet: ${result.caseOutcome.message}` });
    } catch (caught) {
      setNotice({ tone: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  }

  async function createCase() {
    setBusy('case');
    setNotice(null);
    try {
      const created = await agentChat.createCase(conversationId);
      openCase(created.id, created.number, false);
      setConversation((current) => (current ? { ...current, caseId: created.id } : current));
    } catch (caught) {
      setNotice({ tone: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  }

  if (error && !conversation) return <ResourceError error={error} feature="Conversation" onRetry={load} />;
  if (!conversation) return <Card className="p-6"><SkeletonRows rows={4} label="Loading conversation" /></Card>;

  const state = conversation.state;
  const closed = state === 'closed';
  const tabs = [
    { id: 'customer', label: 'Customer' },
    ...caseTabs.map((tab) => ({
      id: `case-${tab.caseId}`,
      label: tab.number ? `Case ${tab.number}` : 'Case',
      adornment: tab.fresh ? <span className="rounded-full bg-violet-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-violet-700">New</span> : undefined,
    })),
  ];
  const selectedCase = caseTabs.find((tab) => `case-${tab.caseId}` === selected);

  return (
    <div className="flex flex-col gap-4 lg:h-[calc(100vh-8rem)]">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <Link href="/inbox" className="text-sm text-slate-500 hover:text-slate-800">← Inbox</Link>
          <h1 className="truncate text-xl font-semibold text-slate-900">{customerDisplayName(conversation)}</h1>
          <Badge tone={STATE_TONE[state]}>{STATE_LABEL[state]}</Badge>
        </div>
        <div className="flex items-center gap-2">
          {state === 'waiting' && (
            <Button variant="primary" onClick={accept} loading={busy === 'accept'} disabled={busy !== null}>
              Accept
            </Button>
          )}
          {!conversation.caseId && (
            <Button onClick={createCase} loading={busy === 'case'} disabled={busy !== null}>
              New case
            </Button>
          )}
          {state === 'active' && (
            <Button onClick={() => transition('wrap-up')} loading={busy === 'wrap-up'} disabled={busy !== null}>
              Wrap up
            </Button>
          )}
          {(state === 'active' || state === 'wrap-up') && (
            <Button variant="danger" onClick={() => transition('end')} loading={busy === 'end'} disabled={busy !== null}>
              End chat
            </Button>
          )}
        </div>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:grid-rows-[minmax(0,1fr)]">
        <Card className="flex min-h-[28rem] flex-col overflow-hidden bg-slate-50/60">
          <h2 className="sr-only">Chat</h2>
          <MessageList messages={conversation.messages} own="agent" typingLabel={typing} emptyText="No messages yet." />
          <MessageComposer
            disabled={closed || state === 'waiting'}
            disabledText={closed ? 'This chat has ended.' : 'Accept the chat from the inbox to reply.'}
            placeholder="Reply to the customer…"
            onSend={async (text) => {
              const message = await agentChat.send(conversationId, text);
              setConversation((current) => (current ? { ...current, messages: mergeMessage(current.messages, message) } : current));
            }}
            onTyping={(isTyping) => socket?.emit('typing', { conversationId, typing: isTyping })}
          />
        </Card>
        <Card className="flex min-h-0 flex-col lg:overflow-hidden">
          <Tabs label="Conversation panels" idPrefix="conversation" selected={selected} onSelect={setSelected} tabs={tabs} className="px-4 pt-2" />
          <div {...tabPanelProps('conversation', selected)} className="relative min-h-0 flex-1 px-5 pt-5 focus:outline-none lg:overflow-y-auto">
            {selectedCase ? (
              <CaseEditor key={selectedCase.caseId} caseId={selectedCase.caseId} messages={conversation.messages} onNumber={(number) => openCaseNumber(selectedCase.caseId, number)} />
            ) : (
              <>
                {!conversation.caseId && (
                  <Alert tone="info" className="mb-5" title="No case yet">
                    The case is created by itself as soon as the conversation gives enough context — at the latest when the chat ends. Use New case to create it now.
                  </Alert>
                )}
                <ConversationDetails conversation={conversation} />
              </>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
