'use client';

import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { controlClass } from '../ui/form-field';
import { api, ApiError } from '@/lib/api-client';

/** Replies to the customer by email from the case; the API threads it on the case's latest email. */
export function EmailReplyForm({ caseId, defaultTo, onSent }: { caseId: string; defaultTo: string; onSent?: () => void }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function send() {
    if (!text.trim()) {
      setResult({ tone: 'error', text: 'Write your reply before sending.' });
      return;
    }
    setSending(true);
    setResult(null);
    try {
      const sent = await api.post<{ to: string[]; subject: string }>(`/cases/${encodeURIComponent(caseId)}/email-replies`, { text });
      setText('');
      setResult({ tone: 'success', text: `Reply sent to ${sent.to.join(', ')} — “${sent.subject}”.` });
    } catch (caught) {
      setResult({ tone: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      // Sent or not, the thread shows the reply with its delivery state.
      onSent?.();
      setSending(false);
    }
  }

  return (
    <form
      className="rounded-lg border border-slate-200 bg-slate-50/70 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`reply-${caseId}`} className="mb-1.5 block text-sm font-medium text-slate-700">
        Reply {defaultTo && <span className="font-normal text-slate-500">to {defaultTo}</span>}
      </label>
      <textarea id={`reply-${caseId}`} rows={4} value={text} onChange={(event) => setText(event.target.value)} placeholder="Write your answer to the customer…" className={controlClass(result?.tone === 'error')} />
      <div className="mt-3 flex items-center justify-between gap-3">
        <div className="min-w-0 flex-1">{result && <Alert tone={result.tone}>{result.text}</Alert>}</div>
        <Button type="submit" variant="primary" loading={sending}>
          Send reply
        </Button>
      </div>
    </form>
  );
}
