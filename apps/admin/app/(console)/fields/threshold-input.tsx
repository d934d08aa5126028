'use client';

import { FieldShell } from '@/components/ui/form-field';

/** `guide`: what the learned model does at this threshold on held-out cases, when it has a model for the field. */
export function ThresholdInput({ value, error, guide, onChange }: { value: number; error?: string | undefined; guide?: string | null; onChange: (value: number) => void }) {
  return (
    <FieldShell label="Confidence threshold" hint={guide ? `Predictions below this confidence are not applied. ${guide}.` : 'Predictions below this confidence are not applied.'} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="flex items-center gap-3">
          <input
            id={id}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => onChange(Number(event.target.value))}
            className="h-2 flex-1 cursor-pointer accent-brand-600"
          />
          <output htmlFor={id} className="w-12 rounded-md bg-slate-100 px-2 py-1 text-center text-sm font-medium tabular-nums text-slate-700">
            {Math.round(value * 100)}%
          </output>
        </div>
      )}
    </FieldShell>
  );
}
