import type { ChatMessage } from '@autocase/core';
import type { CaseFieldView } from '@/lib/case-types';
import { describeEvidenceSource } from '@/lib/evidence-source';
import { formatConfidence } from '@/lib/field-values';
import { relativeTime } from '@/lib/relative-time';

const SOURCE_LABEL: Record<string, string> = {
  ai: 'Filled by AI',
  agent: 'Set by an agent',
  rule: 'Set by an ARC rule',
  channel: 'From the channel (pre-chat form or email)',
  import: 'Imported',
};

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
