import type { FieldDefinition, FieldValue, PredictorRef } from '@autocase/core';
import { ResourceError } from '../resource-error';
import { Badge } from '../ui/badge';
import { SkeletonRows } from '../ui/skeleton';
import type { PagedList } from '@/lib/case-types';
import { displayFieldValue, formatConfidence } from '@/lib/field-values';
import { describeRun, explainAbstention, explainDecision, type PredictionDecisionView, type PredictionLogEntryView } from '@/lib/prediction-log';
import type { ApiResource } from '@/lib/use-api-resource';

function predictorName(predictor: PredictorRef): string {
  return `${predictor.id} ${predictor.version}${predictor.model ? ` (${predictor.model})` : ''}`;
}

function FieldOutcome({ fieldKey, entry, field }: { fieldKey: string; entry: PredictionLogEntryView; field: FieldDefinition | undefined }) {
  const decisions = entry.decisions.filter((decision) => decision.field === fieldKey);
  const winner = decisions.find((decision) => decision.accepted);
  const abstention = entry.abstentions.find((item) => item.field === fieldKey);
  const others = decisions.filter((decision) => decision !== winner);
  const value = (decision: PredictionDecisionView) => displayFieldValue(field, decision.value as FieldValue);
  return (
    <li data-testid="prediction-field" className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{field?.label ?? fieldKey}</span>
        {winner ? (
          <>
            <span className="text-slate-700">{value(winner)}</span>
            <Badge tone={entry.changed.includes(fieldKey) ? 'success' : 'neutral'}>{entry.changed.includes(fieldKey) ? 'set' : 'unchanged'}</Badge>
            <span className="text-xs text-slate-500" title={predictorName(winner.predictor)}>
              {winner.predictor.id} · confidence {formatConfidence(winner.confidence)}
            </span>
          </>
        ) : (
          abstention && <Badge tone="warning">abstained</Badge>
        )}
      </div>
      {abstention && (
        <p className="mt-1 text-xs text-slate-600" title={abstention.message}>
          {explainAbstention(abstention)}
        </p>
      )}
      {others.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-600" aria-label={`Rejected predictions for ${field?.label ?? fieldKey}`}>
          {others.map((decision, index) => (
            <li key={`${decision.predictor.id}-${index}`} data-testid="prediction-rejection" title={decision.detail ?? undefined}>
              <span className="text-slate-500" title={predictorName(decision.predictor)}>
                {decision.predictor.id} proposed{' '}
              </span>
              <span className="font-medium">{value(decision)}</span>
              <span className="text-slate-500"> — </span>
              {explainDecision(decision, field)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function PredictionRun({ entry, fields }: { entry: PredictionLogEntryView; fields: FieldDefinition[] }) {
  const fieldKeys = [...new Set([...entry.decisions.map((decision) => decision.field), ...entry.abstentions.map((item) => item.field)])];
  return (
    <li data-testid="prediction-run" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{describeRun(entry)}</span>
        <time className="ml-auto text-xs text-slate-400" dateTime={entry.at}>
          {new Date(entry.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </div>
      {entry.predictors.length > 0 && <p className="mt-1 text-xs text-slate-500">Predictors: {entry.predictors.map(predictorName).join(', ')}</p>}
      {fieldKeys.length > 0 ? (
        <ul className="mt-1 divide-y divide-slate-100">
          {fieldKeys.map((key) => (
            <FieldOutcome key={key} fieldKey={key} entry={entry} field={fields.find((field) => field.key === key)} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-500">No predictions in this run.</p>
      )}
      {entry.errors.map((error, index) => (
        <p key={`${error.predictorId}-${index}`} role="status" className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-700">
          {error.predictorId} failed ({error.code}): {error.message}
          {error.retryable ? ' — temporary, a later run may succeed' : ''}
        </p>
      ))}
    </li>
  );
}

/** Every AI prediction run on the case, newest first: what it set, with which predictor and confidence, and why it abstained or rejected a prediction. */
export function CasePredictionLog({ resource, fields }: { resource: ApiResource<PagedList<PredictionLogEntryView>>; fields: FieldDefinition[] }) {
  if (resource.error && !resource.data) return <ResourceError error={resource.error} feature="AI log" onRetry={resource.reload} />;
  if (!resource.data) return <SkeletonRows rows={3} label="Loading AI log" />;
  const entries = resource.data.items;
  if (entries.length === 0) return <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">The AI has not run on this case yet.</p>;
  return (
    <ol className="space-y-2" aria-label="AI prediction log">
      {entries.map((entry) => (
        <PredictionRun key={entry.id} entry={entry} fields={fields} />
      ))}
    </ol>
  );
}
