'use client';

import type { FieldMapping } from '@autocase/core';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/form-field';
import { MAPPING_SOURCE_LABELS } from './arc-rule-draft';

interface FieldMappingEditorProps {
  mappings: FieldMapping[];
  fieldKeys: string[];
  errors: Record<string, string>;
  onChange: (mappings: FieldMapping[]) => void;
}

/** Case fields set straight from the email, before predictions run. */
export function FieldMappingEditor({ mappings, fieldKeys, errors, onChange }: FieldMappingEditorProps) {
  const update = (index: number, patch: Partial<FieldMapping>) => onChange(mappings.map((mapping, at) => (at === index ? { ...mapping, ...patch } : mapping)));
  const options = [...new Set(['title', ...fieldKeys, ...mappings.map((mapping) => mapping.field)])];
  return (
    <div>
      <div className="mb-2 flex items-center justify-between">
        <p className="text-sm font-medium text-slate-700">Set fields from the email</p>
        <Button size="sm" onClick={() => onChange([...mappings, { field: 'title', source: 'subject' }])}>
          + Add mapping
        </Button>
      </div>
      {mappings.length === 0 ? (
        <p className="text-sm text-slate-500">No fields are set from the email directly.</p>
      ) : (
        <ul className="space-y-2">
          {mappings.map((mapping, index) => {
            const error = errors[`${index}.value`] ?? errors[`${index}.header`] ?? errors[`${index}.field`] ?? errors[`${index}`];
            return (
              <li key={index}>
                <div className="flex flex-wrap items-center gap-2">
                  <select aria-label={`Mapping ${index + 1} field`} value={mapping.field} onChange={(event) => update(index, { field: event.target.value })} className={controlClass(false, 'w-44 font-mono')}>
                    {options.map((key) => (
                      <option key={key} value={key}>
                        {key}
                      </option>
                    ))}
                  </select>
                  <span className="text-sm text-slate-400">{mapping.source === 'constant' ? 'set to' : 'from'}</span>
                  <select aria-label={`Mapping ${index + 1} source`} value={mapping.source} onChange={(event) => update(index, { source: event.target.value as FieldMapping['source'] })} className={controlClass(false, 'w-44')}>
                    {Object.entries(MAPPING_SOURCE_LABELS).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                  {mapping.source === 'header' && (
                    <input aria-label={`Mapping ${index + 1} header`} placeholder="Header name" value={mapping.header ?? ''} onChange={(event) => update(index, { header: event.target.value })} className={controlClass(Boolean(errors[`${index}.header`]), 'w-40 font-mono')} />
                  )}
                  {mapping.source === 'constant' && (
                    <input aria-label={`Mapping ${index + 1} value`} placeholder="Value" value={mapping.value === undefined ? '' : String(mapping.value)} onChange={(event) => update(index, { value: event.target.value })} className={controlClass(Boolean(errors[`${index}.value`]), 'w-40')} />
                  )}
                  <Button size="sm" variant="ghost" className="h-9" aria-label={`Remove mapping ${index + 1}`} onClick={() => onChange(mappings.filter((_, at) => at !== index))}>
                    ✕
                  </Button>
                </div>
                {error && <p className="mt-1 text-xs font-medium text-red-600">{error}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
