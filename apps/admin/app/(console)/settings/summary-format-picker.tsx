'use client';

import type { Settings } from '@autocase/core';
import { cx } from '@/components/ui/cx';

const FORMATS: Array<{ value: Settings['summaryFormat']; title: string; description: string; sample: string }> = [
  { value: 'paragraph', title: 'Paragraph', description: 'A short narrative of what the customer needed and what was done.', sample: 'Customer reported a double charge on order 1182; agent confirmed and issued a refund.' },
  { value: 'structured', title: 'Structured', description: 'Labelled sections agents can scan quickly.', sample: 'Issue: double charge\nResolution: refund issued\nNext step: none' },
];

export function SummaryFormatPicker({ value, onChange }: { value: Settings['summaryFormat']; onChange: (value: Settings['summaryFormat']) => void }) {
  return (
    <fieldset>
      <legend className="mb-3 text-sm font-medium text-slate-700">Summary format</legend>
      <div className="grid gap-3 md:grid-cols-2">
        {FORMATS.map((format) => (
          <label
            key={format.value}
            className={cx(
              'cursor-pointer rounded-lg border p-4 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500',
              value === format.value ? 'border-brand-500 bg-brand-50/60 ring-1 ring-brand-500' : 'border-slate-200 hover:border-slate-300',
            )}
          >
            <div className="flex items-center gap-2">
              <input type="radio" name="summaryFormat" value={format.value} checked={value === format.value} onChange={() => onChange(format.value)} className="accent-brand-600" />
              <span className="text-sm font-semibold text-slate-900">{format.title}</span>
            </div>
            <p className="mt-1 text-sm text-slate-500">{format.description}</p>
            <pre className="mt-3 whitespace-pre-wrap rounded-md bg-white/80 p-2.5 font-sans text-xs text-slate-600 ring-1 ring-slate-200">{format.sample}</pre>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
