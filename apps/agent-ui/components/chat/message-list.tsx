'use client';

import type { ChatMessage } from '@autocase/core';
import { useEffect, useRef } from 'react';
import { cx } from '../ui/cx';

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Chat bubbles, own messages on the right; scrolls to the newest message; announces new ones politely. */
export function MessageList({ messages, own, typingLabel, emptyText }: { messages: ChatMessage[]; own: ChatMessage['sender']; typingLabel?: string | null; emptyText: string }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }, [messages.length, typingLabel]);
  return (
    <div className="flex-1 space-y-3 overflow-y-auto px-4 py-4" aria-live="polite" aria-label="Messages" role="log">
      {messages.length === 0 && <p className="py-8 text-center text-sm text-slate-400">{emptyText}</p>}
      {messages.map((message) => {
        if (message.sender === 'system') {
          return (
            <p key={message.id} className="text-center text-xs text-slate-400">
              {message.text}
            </p>
          );
        }
        const mine = message.sender === own;
        return (
          <div key={message.id} className={cx('flex flex-col', mine ? 'items-end' : 'items-start')} data-testid={`message-${message.sender}`}>
            <div className={cx('max-w-[80%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-sm shadow-sm', mine ? 'rounded-br-md bg-brand-600 text-white' : message.sender === 'bot' ? 'rounded-bl-md bg-amber-50 text-slate-800 ring-1 ring-amber-200' : 'rounded-bl-md bg-white text-slate-800 ring-1 ring-slate-200')}>
              {message.text}
            </div>
            <p className="mt-1 px-1 text-[11px] text-slate-400">
              {message.senderName ?? (message.sender === 'bot' ? 'Bot' : message.sender === 'agent' ? 'Agent' : 'Customer')} · {time(message.at)}
            </p>
          </div>
        );
      })}
      {typingLabel && (
        <div className="flex items-center gap-2 text-xs text-slate-500" data-testid="typing-indicator">
          <span className="flex gap-0.5" aria-hidden="true">
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400" />
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:120ms]" />
            <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:240ms]" />
          </span>
          {typingLabel}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
