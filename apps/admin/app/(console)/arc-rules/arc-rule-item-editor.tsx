'use client';

import type { ArcRuleItem } from '@autocase/core';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { SelectField, TextField } from '@/components/ui/form-field';
import { ArcConditionEditor } from './arc-condition-editor';
import { describeCondition, errorsUnder, newCondition } from './arc-rule-draft';
import { FieldMappingEditor } from './field-mapping-editor';

interface ArcRuleItemEditorProps {
  item: ArcRuleItem;
  position: number;
  count: number;
  expanded: boolean;
  errors: Record<string, string>;
  fieldKeys: string[];
  onToggle: () => void;
  onChange: (item: ArcRuleItem) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

export function ArcRuleItemEditor({ item, position, count, expanded, errors, fieldKeys, onToggle, onChange, onMove, onRemove }: ArcRuleItemEditorProps) {
  const patch = (changes: Partial<ArcRuleItem>) => onChange({ ...item, ...changes });
  const invalid = Object.keys(errors).length > 0;
  const summary = item.conditions.length === 0 ? 'Every email' : item.conditions.map(describeCondition).join(item.match === 'all' ? ' and ' : ' or ');
  return (
    <li aria-label={`Rule item ${position}: ${item.name}`} className={invalid ? 'rounded-card border border-red-300 bg-white' : 'rounded-card border border-slate-200 bg-white'}>
      <div className="flex items-center gap-3 px-4 py-3">
        <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700">{position}</span>
        <button type="button" aria-expanded={expanded} onClick={onToggle} className="min-w-0 flex-1 text-left">
          <span className="flex items-center gap-2">
            <span className="truncate text-sm font-semibold text-slate-900">{item.name || 'Untitled item'}</span>
            {!item.enabled && <Badge>Off</Badge>}
            {invalid && <Badge tone="danger">Fix</Badge>}
          </span>
          <span className="block truncate text-xs text-slate-500">
            {summary} → {item.action === 'create-case' ? 'create a case' : 'skip'}
            {item.acknowledge && item.action === 'create-case' ? ' and acknowledge' : ''}
          </span>
        </button>
        <Button size="sm" variant="ghost" aria-label={`Move item ${position} up`} disabled={position === 1} onClick={() => onMove(-1)}>
          ▲
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Move item ${position} down`} disabled={position === count} onClick={() => onMove(1)}>
          ▼
        </Button>
      </div>
      {expanded && (
        <div className="space-y-6 border-t border-slate-100 px-4 py-5">
          <div className="grid gap-4 md:grid-cols-[1fr_auto]">
            <TextField label="Item name" value={item.name} error={errors.name} onChange={(event) => patch({ name: event.target.value })} />
            <div className="flex items-end pb-2">
              <Checkbox label="Enabled" checked={item.enabled} onChange={(enabled) => patch({ enabled })} />
            </div>
          </div>
          <div>
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <span className="font-medium">When</span>
              <select aria-label={`Item ${position} match`} value={item.match} onChange={(event) => patch({ match: event.target.value as ArcRuleItem['match'] })} className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300">
                <option value="all">all</option>
                <option value="any">any</option>
              </select>
              <span>of these conditions hold</span>
              <Button size="sm" className="ml-auto" onClick={() => patch({ conditions: [...item.conditions, newCondition('text')] })}>
                + Add condition
              </Button>
            </div>
            {item.conditions.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">No conditions: this item matches every email that reaches it.</p>
            ) : (
              <ul className="space-y-2">
                {item.conditions.map((condition, index) => (
                  <ArcConditionEditor
                    key={index}
                    condition={condition}
                    position={index + 1}
                    errors={errorsUnder(errors, `conditions.${index}`)}
                    onChange={(next) => patch({ conditions: item.conditions.map((entry, at) => (at === index ? next : entry)) })}
                    onRemove={() => patch({ conditions: item.conditions.filter((_, at) => at !== index) })}
                  />
                ))}
              </ul>
            )}
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField label="Then" value={item.action} onChange={(event) => patch({ action: event.target.value as ArcRuleItem['action'] })}>
              <option value="create-case">Create a case</option>
              <option value="skip">Skip the email (no case)</option>
            </SelectField>
            <SelectField label="Unknown sender" value={item.unknownSender} hint="What to do when the sender matches no contact." onChange={(event) => patch({ unknownSender: event.target.value as ArcRuleItem['unknownSender'] })}>
              <option value="create-contact">Create a contact for them</option>
              <option value="skip">Skip the email</option>
            </SelectField>
          </div>
          {item.action === 'create-case' && (
            <>
              <div className="grid gap-3 md:grid-cols-2">
                <Checkbox label="Predict fields" description="Run the predictors on fields configured for email creation." checked={item.predictFields} onChange={(predictFields) => patch({ predictFields })} />
                <Checkbox label="Send the acknowledgement" description="The mailbox's template; never to bulk mail, auto-replies or bounces." checked={item.acknowledge} onChange={(acknowledge) => patch({ acknowledge })} />
              </div>
              <FieldMappingEditor mappings={item.fieldMappings} fieldKeys={fieldKeys} errors={errorsUnder(errors, 'fieldMappings')} onChange={(fieldMappings) => patch({ fieldMappings })} />
            </>
          )}
          <div className="flex justify-end">
            <Button variant="danger" size="sm" onClick={onRemove}>
              Remove item
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
