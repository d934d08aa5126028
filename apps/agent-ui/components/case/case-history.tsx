import type { FieldDefinition } from '@autocase/core';
import { ResourceError } from '../resource-error';
import { Badge } from '../ui/badge';
import { SkeletonRows } from '../ui/skeleton';
import type { AuditEntry, PagedList } from '@/lib/case-types';
import { displayFieldValue, formatConfidence } from '@/lib/field-values';
import { listItems } from '@/lib/list-items';
import type { ApiResource } from '@/lib/use-api-resource';

const SOURCE_TONE = { ai: 'brand', agent: 'success', rule: 'warning', channel: 'neutral', import: 'neutral', system: 'neutral' } as const;

const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  'case-created': 'Case created',
  'field-changed': 'Field changed',
  'status-changed': 'Status changed',
  'note-added': 'Note added',
  'email-linked': 'Email linked',
  'case-reopened': 'Case reopened',
};

function actorName(entry: AuditEntry): string {
  if (entry.actor.name) return entry.actor.name;
  if (entry.actor.type === 'ai') return entry.predictor ? `AI (${entry.predictor.id})` : 'AI';
  return entry.actor.type === 'user' ? 'An agent' : entry.actor.type === 'channel' ? 'Channel' : 'System';
}

/** Every change of the case, newest first: what changed, from what to what, who or what made it and why. */
export function CaseHistory({ resource, fields }: { resource: ApiResource<PagedList<AuditEntry> | AuditEntry[]>; fields: FieldDefinition[] }) {
  if (resource.error && !resource.data) return <ResourceError error={resource.error} feature="History" onRetry={resource.reload} />;
  if (!resource.data) return <SkeletonRows rows={3} label="Loading history" />;
  const entries = [...listItems(resource.data)].sort((left, right) => right.at.localeCompare(left.at));
  if (entries.length === 0) return <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">No changes recorded yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Audit history">
      {entries.map((entry) => {
        const field = fields.find((candidate) => candidate.key === entry.field);
        return (
          <li key={entry.id} data-testid="audit-entry" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{entry.field ? (field?.label ?? entry.field) : ACTION_LABEL[entry.action]}</span>
              <Badge tone={SOURCE_TONE[entry.source] ?? 'neutral'}>{entry.source}</Badge>
              <span className="text-slate-500">by {actorName(entry)}</span>
              {entry.confidence !== undefined && entry.confidence !== null && <span className="text-xs text-slate-500">confidence {formatConfidence(entry.confidence)}</span>}
              <time className="ml-auto text-xs text-slate-400" dateTime={entry.at}>
                {new Date(entry.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </div>
            {entry.action === 'field-changed' && (
              <p className="mt-1 text-slate-700">
                <span className="text-slate-400 line-through">{displayFieldValue(field, entry.oldValue)}</span>
                <span aria-hidden="true" className="mx-2 text-slate-400">→</span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium">{displayFieldValue(field, entry.newValue)}</span>
              </p>
            )}
            {entry.reason && <p className="mt-1 text-xs text-slate-500">{entry.reason}</p>}
            {entry.evidence && entry.evidence.length > 0 && <p className="mt-1 text-xs italic text-slate-500">“{entry.evidence[0]!.quote}”</p>}
          </li>
        );
      })}
    </ol>
  );
}
