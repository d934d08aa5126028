import type { ChatMessage } from '@autocase/core';
import type { CaseFieldView } from '@/lib/case-types';
import { formatConfidence } from '@/lib/field-values';
import { relativeTime } from '@/lib/relative-time';

const SOURCE_LABEL: Record<string, string> = {
  ai: 'Filled by AI',
  agent: 'Set by an agent',
  rule: 'Set by an ARC rule',
  channel: 'From the channel (pre-chat form or email)',
  import: 'Imported',
};

/** Where a quote came from: "Customer message 2 · 10:32" when the message is in this conversation. */
export function describeEvidenceSource(messageId: string | undefined, messages: ChatMessage[]): string {
  if (!messageId) return 'From the conversation';
  const index = messages.findIndex((message) => message.id === messageId);
  if (index < 0) return `Message ${messageId.slice(0, 8)}`;
  const message = messages[index]!;
  const who = message.sender === 'customer' ? 'Customer' : message.sender === 'agent' ? 'Agent' : message.sender === 'bot' ? 'Bot' : 'System';
  const time = new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `${who} message ${index + 1} · ${time}`;
}

/** The explanation shown when an agent hovers or focuses a field: who set it, how confident, and the quotes it rests on. */
export function FieldProvenance({ id, state, messages }: { id: string; state: CaseFieldView; messages: ChatMessage[] }) {
  return (
    <div id={id} role="tooltip" className="text-xs text-slate-600">
      <p className="font-semibold text-slate-800">
        {SOURCE_LABEL[state.source] ?? state.source}
        {state.predictor && <span className="font-normal text-slate-500"> · {state.predictor.id}{state.predictor.model ? ` (${state.predictor.model})` : ''}</span>}
      </p>
      {state.source === 'ai' && (
        <p className="mt-1">
          Confidence <span className="font-semibold text-slate-900">{formatConfidence(state.confidence)}</span>
        </p>
      )}
      {state.evidence.length > 0 ? (
        <ul className="mt-2 space-y-1.5">
          {state.evidence.map((evidence, index) => (
            <li key={index}>
              <blockquote className="border-l-2 border-violet-300 pl-2 italic text-slate-700">“{evidence.quote}”</blockquote>
              <p className="mt-0.5 pl-2.5 text-slate-500">{describeEvidenceSource(evidence.messageId, messages)}</p>
            </li>
          ))}
        </ul>
      ) : (
        state.source === 'ai' && <p className="mt-1 text-slate-500">No quote recorded for this value.</p>
      )}
      <p className="mt-2 text-slate-400">Updated {relativeTime(state.updatedAt)}</p>
    </div>
  );
}
