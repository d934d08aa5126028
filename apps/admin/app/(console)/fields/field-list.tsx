'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { FIELD_TYPE_LABELS, type FieldDraft } from './field-draft';

interface FieldListProps {
  fields: FieldDraft[];
  selectedId: string | null;
  invalidIds: Set<string>;
  onSelect: (draftId: string) => void;
  onMove: (from: number, to: number) => void;
}

/** The ordered fields; arrows (and Alt+↑/↓ on a focused row) reorder them. */
export function FieldList({ fields, selectedId, invalidIds, onSelect, onMove }: FieldListProps) {
  return (
    <ol aria-label="Case fields" className="divide-y divide-slate-100">
      {fields.map((field, index) => {
        const selected = field.draftId === selectedId;
        const invalid = invalidIds.has(field.draftId);
        return (
          <li key={field.draftId} className={cx('group flex items-center gap-1 pr-2', selected ? 'bg-brand-50/70' : 'hover:bg-slate-50')}>
            <button
              type="button"
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(field.draftId)}
              onKeyDown={(event) => {
                if (!event.altKey) return;
                if (event.key === 'ArrowUp') onMove(index, index - 1);
                if (event.key === 'ArrowDown') onMove(index, index + 1);
              }}
              className={cx('flex min-w-0 flex-1 items-center gap-3 border-l-2 py-3 pl-4 text-left', selected ? 'border-brand-600' : 'border-transparent')}
            >
              <span className="w-5 shrink-0 text-right text-xs tabular-nums text-slate-400">{index + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="flex items-center gap-2">
                  <span className="truncate text-sm font-medium text-slate-900">{field.label || 'Untitled field'}</span>
                  {invalid && <Badge tone="danger">Fix</Badge>}
                </span>
                <span className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
                  <span className="font-mono">{field.key}</span>
                  <span aria-hidden="true">·</span>
                  <span>{FIELD_TYPE_LABELS[field.type]}</span>
                  {field.requiredForCreation && (
                    <>
                      <span aria-hidden="true">·</span>
                      <span className="text-amber-700">Required</span>
                    </>
                  )}
                </span>
              </span>
            </button>
            <div className="flex flex-col opacity-60 group-hover:opacity-100 group-focus-within:opacity-100">
              <Button size="sm" variant="ghost" className="h-6 px-1.5" aria-label={`Move ${field.label} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
                ▲
              </Button>
              <Button size="sm" variant="ghost" className="h-6 px-1.5" aria-label={`Move ${field.label} down`} disabled={index === fields.length - 1} onClick={() => onMove(index, index + 1)}>
                ▼
              </Button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
