'use client';

import type { ChatMessage, FieldDefinition } from '@autocase/core';
import { useId } from 'react';
import { Badge } from '../ui/badge';
import { cx } from '../ui/cx';
import { CaseFieldInput } from './case-field-input';
import { FieldProvenance } from './field-provenance';
import type { CaseView, FieldProposal } from '@/lib/case-types';
import { displayFieldValue, formatConfidence, toInputText } from '@/lib/field-values';

export interface CaseFieldsFormProps {
  caseView: CaseView;
  fields: FieldDefinition[];
  draft: Record<string, string>;
  errors: Record<string, string>;
  justChanged: string[];
  proposals?: FieldProposal[];
  messages: ChatMessage[];
  onChange: (key: string, text: string) => void;
}

function FieldRow({ field, caseView, draft, error, justChanged, proposal, messages, onChange }: { field: FieldDefinition; caseView: CaseView; draft: string | undefined; error: string | undefined; justChanged: boolean; proposal: FieldProposal | undefined; messages: ChatMessage[]; onChange: (text: string) => void }) {
  const id = useId();
  const state = caseView.fields[field.key];
  const edited = draft !== undefined;
  const byAi = state?.source === 'ai' && !edited;
  const showProvenance = Boolean(state && state.value !== null && !edited);
  const provenanceId = `${id}-provenance`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, showProvenance ? provenanceId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div
      data-testid={`case-field-${field.key}`}
      data-source={state?.source ?? 'empty'}
      data-highlighted={justChanged && !edited ? 'updated' : byAi ? 'ai' : undefined}
      className={cx(
        'group relative rounded-lg px-3 py-2.5 transition-colors',
        justChanged && !edited ? 'bg-violet-50 ring-2 ring-violet-400' : byAi ? 'bg-violet-50/60 ring-1 ring-violet-200' : 'ring-1 ring-transparent hover:bg-slate-50',
      )}
    >
      <div className="mb-1.5 flex items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {field.label}
        </label>
        {byAi && <Badge tone="brand">AI · {formatConfidence(state?.confidence)}</Badge>}
        {justChanged && !edited && <Badge tone="success">Updated</Badge>}
        {state?.source === 'agent' && !edited && <Badge tone="neutral">Agent</Badge>}
        {(state?.source === 'channel' || state?.source === 'rule') && state.value !== null && !edited && <Badge tone="neutral">{state.source === 'channel' ? 'From the customer' : 'Rule'}</Badge>}
        {edited && <Badge tone="warning">Unsaved</Badge>}
      </div>
      <CaseFieldInput field={field} id={id} text={draft ?? toInputText(state?.value)} invalid={Boolean(error)} describedBy={describedBy} onChange={onChange} />
      {proposal && !edited && (
        <p className="mt-1.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-600" data-testid={`proposal-${field.key}`}>
          <span>
            The conversation mentions <span className="font-semibold text-slate-900">{displayFieldValue(field, proposal.value)}</span>; the customer’s own value is kept.
          </span>
          <button type="button" className="font-semibold text-brand-700 hover:underline" onClick={() => onChange(toInputText(proposal.value))}>
            Use this
          </button>
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-xs font-medium text-red-600">
          {error}
        </p>
      )}
      {showProvenance && state && (
        <div className="invisible absolute inset-x-0 top-full z-30 mt-1 rounded-lg border border-slate-200 bg-white p-3 shadow-lg group-focus-within:visible group-hover:visible">
          <FieldProvenance id={provenanceId} state={state} messages={messages} />
        </div>
      )}
    </div>
  );
}

/** Every configured field with its value, who set it, and the right input for its type. */
export function CaseFieldsForm({ caseView, fields, draft, errors, justChanged, proposals = [], messages, onChange }: CaseFieldsFormProps) {
  const unknownKeys = Object.keys(caseView.fields).filter((key) => !fields.some((field) => field.key === key));
  return (
    <div className="@container">
      <div className="grid grid-cols-1 gap-x-4 gap-y-2 @xl:grid-cols-2">
        {fields.map((field) => (
          <FieldRow
            key={field.key}
            field={field}
            caseView={caseView}
            draft={draft[field.key]}
            error={errors[field.key]}
            justChanged={justChanged.includes(field.key) && caseView.fields[field.key]?.source === 'ai'}
            proposal={proposals.find((proposal) => proposal.field === field.key)}
            messages={messages}
            onChange={(text) => onChange(field.key, text)}
          />
        ))}
      </div>
      {unknownKeys.length > 0 && (
        <p className="mt-3 px-3 text-xs text-slate-500">
          Also recorded (not a configured field): {unknownKeys.map((key) => `${key} = ${toInputText(caseView.fields[key]?.value) || '—'}`).join('; ')}
        </p>
      )}
    </div>
  );
}
