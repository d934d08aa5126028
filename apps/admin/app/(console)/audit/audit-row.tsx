'use client';

import type { AuditEntry } from '@autocase/core';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatPercent, formatValue } from '@/lib/format';

const SOURCE_TONE = { ai: 'brand', agent: 'success', rule: 'warning', channel: 'neutral', import: 'neutral', system: 'neutral' } as const;
const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  'case-created': 'Case created',
  'field-changed': 'Field changed',
  'status-changed': 'Status changed',
  'note-added': 'Note added',
  'email-linked': 'Email linked',
  'case-reopened': 'Case reopened',
};

function actorName(entry: AuditEntry): string {
  if (entry.actor.name) return entry.actor.name;
  if (entry.actor.type === 'ai') return entry.predictor ? `AI · ${entry.predictor.id}` : 'AI';
  if (entry.actor.type === 'user') return entry.actor.id ? `User ${entry.actor.id.slice(0, 8)}` : 'User';
  return entry.actor.type === 'channel' ? 'Channel' : 'System';
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const hasDetails = Boolean(entry.evidence?.length) || Boolean(entry.predictor);
  return (
    <>
      <tr className="align-top hover:bg-slate-50/60 max-md:block max-md:px-4 max-md:py-3">
        <td className="[overflow-wrap:anywhere] px-4 py-3 text-slate-500 max-md:block max-md:px-0 max-md:py-1">{formatDateTime(entry.at)}</td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          <p className="font-medium text-slate-900">{ACTION_LABEL[entry.action] ?? entry.action}</p>
          <p className="font-mono text-xs text-slate-400" title={entry.caseId}>
            case {entry.caseId.slice(0, 8)}
          </p>
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          {entry.field ? (
            <>
              <p className="font-mono text-xs text-slate-600">{entry.field}</p>
              <p className="mt-0.5 text-slate-800">
                <span className="text-slate-400 line-through decoration-slate-300">{formatValue(entry.oldValue)}</span>
                <span aria-hidden="true" className="mx-1.5 text-slate-300">
                  →
                </span>
                <span className="font-medium">{formatValue(entry.newValue)}</span>
              </p>
            </>
          ) : (
            <span className="text-slate-400">—</span>
          )}
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          <div className="flex flex-col items-start gap-1">
            <Badge tone={SOURCE_TONE[entry.source] ?? 'neutral'}>{entry.source}</Badge>
            <span className="text-xs text-slate-500">{actorName(entry)}</span>
          </div>
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 tabular-nums text-slate-600 max-md:block max-md:px-0 max-md:py-1">{formatPercent(entry.confidence)}</td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 text-slate-600 max-md:block max-md:px-0 max-md:py-1">
          <p>{entry.reason}</p>
          {hasDetails && (
            <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="mt-1 text-xs font-medium text-brand-600 hover:text-brand-700">
              {open ? 'Hide evidence' : 'Show evidence'}
            </button>
          )}
        </td>
      </tr>
      {open && hasDetails && (
        <tr className="bg-slate-50/70 max-md:block">
          <td colSpan={6} className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
            {entry.predictor && (
              <p className="mb-2 text-xs text-slate-500">
                Predictor <span className="font-mono">{entry.predictor.id}</span> v{entry.predictor.version}
                {entry.predictor.model ? ` · model ${entry.predictor.model}` : ''}
              </p>
            )}
            <ul className="space-y-1.5">
              {(entry.evidence ?? []).map((evidence, index) => (
                <li key={index} className="border-l-2 border-brand-200 pl-3 text-sm italic text-slate-700">
                  “{evidence.quote}”{evidence.messageId && <span className="ml-2 font-mono text-xs not-italic text-slate-400">{evidence.messageId}</span>}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
