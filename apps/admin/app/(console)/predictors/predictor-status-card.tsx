'use client';

import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useApiResource } from '@/lib/use-api-resource';

interface PluginStatus {
  kind: 'predictor' | 'summarizer';
  id: string;
  version: string | null;
  package: string;
  status: 'active' | 'inactive' | 'failed';
  detail?: string;
}

const TONE = { active: 'success', inactive: 'neutral', failed: 'danger' } as const;

/** Every predictor and summarizer plugin the API knows, and whether it runs. */
export function PredictorStatusCard() {
  const resource = useApiResource<{ items: PluginStatus[] }>('/admin/predictors');
  return (
    <Card className="overflow-hidden">
      <CardHeader title="Installed plugins" description="Predictors propose field values; summarizers write the end-of-chat note. A failed plugin says why." />
      {resource.error && !resource.data ? (
        <div className="p-6">
          <ResourceError error={resource.error} feature="Plugin status" onRetry={resource.reload} />
        </div>
      ) : !resource.data ? (
        <div className="p-6">
          <SkeletonRows rows={3} label="Loading plugins" />
        </div>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Installed plugins">
          <tbody className="divide-y divide-slate-100">
            {resource.data.items.map((plugin) => (
              <tr key={`${plugin.kind}:${plugin.id}`}>
                <td className="px-6 py-3">
                  <p className="font-mono text-sm font-medium text-slate-900">{plugin.id}</p>
                  <p className="text-xs text-slate-500">{plugin.package}</p>
                </td>
                <td className="px-6 py-3 capitalize text-slate-600">{plugin.kind}</td>
                <td className="px-6 py-3 font-mono text-xs text-slate-500">{plugin.version ?? '—'}</td>
                <td className="px-6 py-3">
                  <Badge tone={TONE[plugin.status]}>{plugin.status}</Badge>
                  {plugin.detail && <p className="mt-1 max-w-md text-xs text-slate-500">{plugin.detail}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
