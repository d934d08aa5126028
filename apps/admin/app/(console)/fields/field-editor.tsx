'use client';

import type { FieldType, FillScope } from '@autocase/core';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { SelectField, TextAreaField, TextField } from '@/components/ui/form-field';
import { FIELD_TYPE_LABELS, FIELD_TYPES, FILL_SCOPE_LABELS, FILL_SCOPES, keyFromLabel, type FieldDraft } from './field-draft';
import { FieldOptionsEditor } from './field-options-editor';
import { ThresholdInput } from './threshold-input';
import { describeGuideAt, type ThresholdFigure } from '../predictors/learned-model';
import { PredictorTestPanel } from '../predictors/predictor-test-card';
import Link from 'next/link';

interface FieldEditorProps {
  field: FieldDraft;
  errors: Record<string, string>;
  availablePredictors: string[];
  /** The learned model's threshold guide for this field, when it has a model. */
  learnedGuide?: ThresholdFigure[] | null;
  keyLinkedToLabel: boolean;
  onChange: (patch: Partial<FieldDraft>) => void;
  onKeyEdited: () => void;
  onRemove: () => void;
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((entry) => entry !== item);
}

export function FieldEditor({ field, errors, availablePredictors, learnedGuide, keyLinkedToLabel, onChange, onKeyEdited, onRemove }: FieldEditorProps) {
  const hasOptions = field.type === 'choice' || field.type === 'lookup';
  const predictorIds = [...new Set([...availablePredictors, ...field.predictors])];
  return (
    <div className="space-y-8" aria-label="Field editor" role="group">
      {errors[''] && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {errors['']}
        </p>
      )}
      <section className="grid gap-5 md:grid-cols-2">
        <TextField
          label="Label"
          value={field.label}
          error={errors.label}
          onChange={(event) => onChange({ label: event.target.value, ...(keyLinkedToLabel ? { key: keyFromLabel(event.target.value) } : {}) })}
        />
        <TextField
          label="Key"
          value={field.key}
          error={errors.key}
          hint="Used by the API and integrations. Letters, digits and _."
          className="[&_input]:font-mono"
          onChange={(event) => {
            onKeyEdited();
            onChange({ key: event.target.value });
          }}
        />
        <SelectField label="Type" value={field.type} error={errors.type} onChange={(event) => onChange({ type: event.target.value as FieldType })}>
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {FIELD_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
        <ThresholdInput value={field.threshold} error={errors.threshold} guide={describeGuideAt(learnedGuide, field.threshold)} onChange={(threshold) => onChange({ threshold })} />
        <TextAreaField
          label="Description for the AI"
          className="md:col-span-2"
          rows={3}
          value={field.description}
          error={errors.description}
          placeholder="What this field means and how to fill it, e.g. “The product the customer is asking about, as named in our catalogue.”"
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </section>

      {hasOptions && <FieldOptionsEditor options={field.options} errors={errors} onChange={(options) => onChange({ options })} />}

      <section className="grid gap-6 md:grid-cols-2">
        <fieldset>
          <legend className="mb-3 text-sm font-medium text-slate-700">Where the AI may fill it</legend>
          <div className="space-y-3">
            {FILL_SCOPES.map((scope: FillScope) => (
              <Checkbox
                key={scope}
                label={FILL_SCOPE_LABELS[scope].label}
                description={FILL_SCOPE_LABELS[scope].description}
                checked={field.fillOn.includes(scope)}
                onChange={(on) => onChange({ fillOn: toggle(field.fillOn, scope, on) })}
              />
            ))}
          </div>
          {errors.fillOn && <p className="mt-2 text-xs font-medium text-red-600">{errors.fillOn}</p>}
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Predictors allowed</legend>
          <p className="mb-3 text-xs text-slate-500">None selected means every enabled predictor may propose a value.</p>
          <div className="flex flex-wrap gap-2">
            {predictorIds.map((id) => {
              const on = field.predictors.includes(id);
              return (
                <button
                  key={id}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onChange({ predictors: toggle(field.predictors, id, !on) })}
                  className={
                    on
                      ? 'rounded-full bg-brand-600 px-3 py-1 font-mono text-xs font-medium text-white shadow-sm'
                      : 'rounded-full bg-white px-3 py-1 font-mono text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50'
                  }
                >
                  {id}
                </button>
              );
            })}
          </div>
          {errors.predictors && <p className="mt-2 text-xs font-medium text-red-600">{errors.predictors}</p>}
        </fieldset>
      </section>

      <section className="rounded-lg border border-amber-200 bg-amber-50/60 p-4">
        <Checkbox
          label="Required for autonomous creation"
          description="A case is only created on its own when every required field has a confident prediction."
          checked={field.requiredForCreation}
          onChange={(requiredForCreation) => onChange({ requiredForCreation })}
        />
      </section>

      <section className="rounded-lg border border-slate-200 bg-slate-50/50 p-4">
        <p className="mb-1 text-sm font-medium text-slate-700">What would the predictors return?</p>
        <p className="mb-3 text-xs text-slate-500">
          Uses the saved configuration. Regex patterns and rules are edited on the{' '}
          <Link href="/predictors" className="font-medium text-brand-600 hover:text-brand-700">
            Predictors
          </Link>{' '}
          page.
        </p>
        <PredictorTestPanel field={field.key} />
      </section>

      <div className="flex justify-end border-t border-slate-100 pt-5">
        <Button variant="danger" onClick={onRemove}>
          Remove field
        </Button>
      </div>
    </div>
  );
}
