'use client';

import type { FieldDefinition } from '@autocase/core';
import { controlClass } from '../ui/form-field';
import { isPlainDate } from '@/lib/field-values';

export interface CaseFieldInputProps {
  field: FieldDefinition;
  id: string;
  text: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (text: string) => void;
}

const INPUT_TYPES: Partial<Record<FieldDefinition['type'], string>> = { email: 'email', phone: 'tel', date: 'date', number: 'number' };

/** The input type for a field and its current text: a currency is text (`EUR 49.99` is not a number input's value), a date-time is text. */
function inputType(field: FieldDefinition, text: string): string {
  if (field.type === 'date' && !isPlainDate(text)) return 'text';
  return INPUT_TYPES[field.type] ?? 'text';
}

/** The right control for a field type: select for choices and yes/no, textarea for long text, typed inputs otherwise. */
export function CaseFieldInput({ field, id, text, invalid, describedBy, onChange }: CaseFieldInputProps) {
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  if (field.type === 'choice') {
    const known = text === '' || field.options.some((option) => option.value === text);
    return (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)} className={controlClass(invalid, 'pr-8')}>
        <option value="">Not set</option>
        {!known && <option value={text}>{text} (not an option)</option>}
        {field.options.map((option) => (
          <option key={option.value} value={option.value} title={option.description || undefined}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'boolean') {
    return (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)} className={controlClass(invalid, 'pr-8')}>
        <option value="">Not set</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (field.type === 'longText') {
    return <textarea {...common} value={text} rows={3} onChange={(event) => onChange(event.target.value)} className={controlClass(invalid, 'min-h-20')} />;
  }
  const listId = field.type === 'lookup' && field.options.length > 0 ? `${id}-options` : undefined;
  return (
    <>
      <input
        {...common}
        type={inputType(field, text)}
        step={field.type === 'number' ? 'any' : undefined}
        inputMode={field.type === 'currency' ? 'decimal' : undefined}
        placeholder={field.type === 'currency' ? 'e.g. EUR 49.99' : undefined}
        list={listId}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        className={controlClass(invalid)}
      />
      {listId && (
        <datalist id={listId}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}
