'use client';

import { useRef } from 'react';
import { TextAreaField, TextField } from '@/components/ui/form-field';
import { SAMPLE_VALUES, TEMPLATE_PLACEHOLDERS, renderTemplate, unknownPlaceholders } from './acknowledgement-template';

interface AcknowledgementEditorProps {
  value: { subject: string; body: string };
  mailbox: string;
  errors: Record<string, string>;
  onChange: (value: { subject: string; body: string }) => void;
}

/** Subject and body with clickable placeholders and a live preview with sample values. */
export function AcknowledgementEditor({ value, mailbox, errors, onChange }: AcknowledgementEditorProps) {
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const sample = { ...SAMPLE_VALUES, mailbox: mailbox || SAMPLE_VALUES.mailbox };
  const unknown = unknownPlaceholders(`${value.subject}\n${value.body}`);

  function insert(name: string) {
    const textarea = bodyRef.current;
    const token = `{{${name}}}`;
    if (!textarea) return onChange({ ...value, body: value.body + token });
    const start = textarea.selectionStart ?? value.body.length;
    const end = textarea.selectionEnd ?? start;
    onChange({ ...value, body: value.body.slice(0, start) + token + value.body.slice(end) });
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <TextField label="Subject" value={value.subject} error={errors.subject} onChange={(event) => onChange({ ...value, subject: event.target.value })} />
        <div>
          <TextAreaField
            label="Body"
            rows={8}
            value={value.body}
            error={errors.body}
            ref={bodyRef}
            onChange={(event) => onChange({ ...value, body: event.target.value })}
          />
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <span className="text-xs text-slate-500">Insert:</span>
            {TEMPLATE_PLACEHOLDERS.map((name) => (
              <button key={name} type="button" onClick={() => insert(name)} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 hover:bg-brand-50 hover:text-brand-700">
                {`{{${name}}}`}
              </button>
            ))}
          </div>
          {unknown.length > 0 && (
            <p role="alert" className="mt-2 text-xs font-medium text-amber-700">
              Unknown placeholder{unknown.length > 1 ? 's' : ''}: {unknown.map((name) => `{{${name}}}`).join(', ')} — they would be sent as typed.
            </p>
          )}
        </div>
      </div>
      <div>
        <p className="mb-1.5 text-sm font-medium text-slate-700">Preview</p>
        <div aria-label="Acknowledgement preview" role="region" className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <div className="space-y-1 border-b border-slate-100 px-4 py-3 text-xs text-slate-500">
            <p>
              From <span className="text-slate-700">{mailbox || SAMPLE_VALUES.mailbox}</span> to <span className="text-slate-700">{SAMPLE_VALUES.customerEmail}</span>
            </p>
            <p className="text-sm font-semibold text-slate-900">{renderTemplate(value.subject, sample)}</p>
          </div>
          <pre className="whitespace-pre-wrap px-4 py-3 font-sans text-sm text-slate-700">{renderTemplate(value.body, sample)}</pre>
        </div>
      </div>
    </div>
  );
}
