'use client';

import { useRef, useState } from 'react';
import { Button } from '../ui/button';

const TYPING_IDLE_MS = 2500;

/** A message box: Enter sends, Shift+Enter adds a line; reports typing start and stop. */
export function MessageComposer({ onSend, onTyping, disabled, placeholder, disabledText }: { onSend: (text: string) => Promise<void>; onTyping?: (typing: boolean) => void; disabled?: boolean; placeholder: string; disabledText?: string }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typing = useRef(false);
  const idleTimer = useRef<number | undefined>(undefined);

  function stopTyping() {
    window.clearTimeout(idleTimer.current);
    if (typing.current) {
      typing.current = false;
      onTyping?.(false);
    }
  }

  function changed(value: string) {
    setText(value);
    if (!onTyping) return;
    if (!typing.current && value.trim()) {
      typing.current = true;
      onTyping(true);
    }
    window.clearTimeout(idleTimer.current);
    idleTimer.current = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  async function send() {
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(message);
      setText('');
      stopTyping();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  }

  if (disabled) return <p className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-center text-sm text-slate-500">{disabledText}</p>;
  return (
    <form
      className="border-t border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {error && <p role="alert" className="mb-2 text-xs font-medium text-red-600">{error}</p>}
      <div className="flex items-end gap-2">
        <label className="sr-only" htmlFor="chat-message">
          Message
        </label>
        <textarea
          id="chat-message"
          rows={1}
          value={text}
          placeholder={placeholder}
          onChange={(event) => changed(event.target.value)}
          onBlur={stopTyping}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void send();
            }
          }}
          className="block max-h-32 min-h-10 w-full resize-none rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-brand-500"
        />
        <Button type="submit" variant="primary" loading={sending} disabled={!text.trim()}>
          Send
        </Button>
      </div>
    </form>
  );
}
