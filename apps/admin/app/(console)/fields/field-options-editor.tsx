'use client';

import type { FieldOption } from '@autocase/core';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/form-field';
import { moveItem } from './field-draft';

interface FieldOptionsEditorProps {
  options: FieldOption[];
  errors: Record<string, string>;
  onChange: (options: FieldOption[]) => void;
}

/** Allowed values with the "use when / not for" guidance the AI and agents read. */
export function FieldOptionsEditor({ options, errors, onChange }: FieldOptionsEditorProps) {
  const update = (index: number, patch: Partial<FieldOption>) => onChange(options.map((option, at) => (at === index ? { ...option, ...patch } : option)));
  return (
    <div>
      <div className="mb-2 flex items-center justify-between">
        <div>
          <p className="text-sm font-medium text-slate-700">Allowed options</p>
          <p className="text-xs text-slate-500">Describe when each option applies — the AI reads these descriptions.</p>
        </div>
        <Button size="sm" onClick={() => onChange([...options, { value: '', description: '' }])}>
          + Add option
        </Button>
      </div>
      {errors.options && (
        <p role="alert" className="mb-2 text-xs font-medium text-red-600">
          {errors.options}
        </p>
      )}
      {options.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No options yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Options">
          {options.map((option, index) => {
            const valueError = errors[`options.${index}.value`] ?? errors[`options.${index}`];
            const descriptionError = errors[`options.${index}.description`];
            return (
              <li key={index} className="rounded-lg border border-slate-200 bg-slate-50/50 p-3">
                <div className="flex gap-2">
                  <div className="w-48 shrink-0">
                    <input
                      aria-label={`Option ${index + 1} value`}
                      aria-invalid={valueError ? true : undefined}
                      placeholder="value"
                      value={option.value}
                      onChange={(event) => update(index, { value: event.target.value })}
                      className={controlClass(Boolean(valueError), 'font-mono')}
                    />
                  </div>
                  <input
                    aria-label={`Option ${index + 1} description`}
                    aria-invalid={descriptionError ? true : undefined}
                    placeholder="Use when… / not for…"
                    value={option.description}
                    onChange={(event) => update(index, { description: event.target.value })}
                    className={controlClass(Boolean(descriptionError))}
                  />
                  <Button size="sm" variant="ghost" className="h-9" aria-label={`Move option ${index + 1} up`} disabled={index === 0} onClick={() => onChange(moveItem(options, index, index - 1))}>
                    ↑
                  </Button>
                  <Button size="sm" variant="ghost" className="h-9" aria-label={`Remove option ${index + 1}`} onClick={() => onChange(options.filter((_, at) => at !== index))}>
                    ✕
                  </Button>
                </div>
                {(valueError || descriptionError) && <p className="mt-1.5 text-xs font-medium text-red-600">{valueError ?? descriptionError}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
