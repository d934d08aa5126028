'use client';

import { Button } from '@/components/ui/button';

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Predictor ids in precedence order, reordered with arrow buttons. */
export function PrecedenceList({ value, onChange }: { value: string[]; onChange: (value: string[]) => void }) {
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-slate-700">Predictor precedence</p>
      <p className="mb-3 text-xs text-slate-500">When two predictors both clear the threshold, the higher one wins.</p>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {value.map((id, index) => (
          <li key={id} className="flex items-center gap-3 px-3 py-2">
            <span className="flex size-6 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{index + 1}</span>
            <span className="flex-1 font-mono text-sm text-slate-800">{id}</span>
            <Button size="sm" variant="ghost" aria-label={`Move ${id} up`} disabled={index === 0} onClick={() => onChange(move(value, index, index - 1))}>
              ↑
            </Button>
            <Button size="sm" variant="ghost" aria-label={`Move ${id} down`} disabled={index === value.length - 1} onClick={() => onChange(move(value, index, index + 1))}>
              ↓
            </Button>
          </li>
        ))}
      </ol>
    </div>
  );
}
