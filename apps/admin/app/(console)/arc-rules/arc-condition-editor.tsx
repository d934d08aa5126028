'use client';

import type { ArcCondition } from '@autocase/core';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/form-field';
import { CONDITION_TYPE_LABELS, NEGATED_OPERATOR_LABELS, TEXT_OPERATOR_LABELS, TEXT_TARGET_LABELS, newCondition } from './arc-rule-draft';

interface ArcConditionEditorProps {
  condition: ArcCondition;
  position: number;
  errors: Record<string, string>;
  onChange: (condition: ArcCondition) => void;
  onRemove: () => void;
}

/** One condition row; its controls change with the condition type. */
export function ArcConditionEditor({ condition, position, errors, onChange, onRemove }: ArcConditionEditorProps) {
  const label = (part: string) => `Condition ${position} ${part}`;
  const error = errors.value ?? errors.header ?? errors.values ?? errors[''];
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={label('type')} value={condition.type} onChange={(event) => onChange(newCondition(event.target.value as ArcCondition['type']))} className={controlClass(false, 'w-52')}>
          {Object.entries(CONDITION_TYPE_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {condition.type === 'text' && (
          <>
            <select aria-label={label('target')} value={condition.target} onChange={(event) => onChange({ ...condition, target: event.target.value as typeof condition.target })} className={controlClass(false, 'w-40')}>
              {Object.entries(TEXT_TARGET_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
            {condition.target === 'header' && (
              <input aria-label={label('header name')} placeholder="Header name" value={condition.header ?? ''} aria-invalid={errors.header ? true : undefined} onChange={(event) => onChange({ ...condition, header: event.target.value })} className={controlClass(Boolean(errors.header), 'w-36 font-mono')} />
            )}
            <select
              aria-label={label('operator')}
              value={`${condition.negate ? 'not:' : ''}${condition.operator}`}
              onChange={(event) => {
                const negate = event.target.value.startsWith('not:');
                onChange({ ...condition, negate, operator: event.target.value.replace(/^not:/, '') as typeof condition.operator });
              }}
              className={controlClass(false, 'w-44')}
            >
              {Object.entries(TEXT_OPERATOR_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
              {Object.entries(NEGATED_OPERATOR_LABELS).map(([value, text]) => (
                <option key={`not:${value}`} value={`not:${value}`}>
                  {text}
                </option>
              ))}
            </select>
            <input aria-label={label('value')} placeholder={condition.operator === 'regex' ? 'e.g. ^(re|fwd):' : 'value'} value={condition.value} aria-invalid={errors.value ? true : undefined} onChange={(event) => onChange({ ...condition, value: event.target.value })} className={controlClass(Boolean(errors.value), 'min-w-40 flex-1 w-auto')} />
          </>
        )}
        {condition.type === 'sender-known' && (
          <select aria-label={label('known')} value={condition.known ? 'yes' : 'no'} onChange={(event) => onChange({ ...condition, known: event.target.value === 'yes' })} className={controlClass(false, 'w-32')}>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        )}
        {(condition.type === 'has-attachments' || condition.type === 'bulk') && (
          <select aria-label={label('value')} value={condition.value ? 'yes' : 'no'} onChange={(event) => onChange({ ...condition, value: event.target.value === 'yes' })} className={controlClass(false, 'w-32')}>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        )}
        {condition.type === 'category' && (
          <input
            aria-label={label('categories')}
            placeholder="billing, returns"
            value={condition.values.join(', ')}
            aria-invalid={errors.values ? true : undefined}
            onChange={(event) => onChange({ ...condition, values: event.target.value.split(',').map((value) => value.trim()).filter(Boolean) })}
            className={controlClass(Boolean(errors.values), 'min-w-40 flex-1 w-auto')}
          />
        )}
        <Button size="sm" variant="ghost" className="ml-auto h-9" aria-label={`Remove condition ${position}`} onClick={onRemove}>
          ✕
        </Button>
      </div>
      {error && <p className="mt-1.5 text-xs font-medium text-red-600">{error}</p>}
    </li>
  );
}
