'use client';

import { useEffect, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { controlClass } from '@/components/ui/form-field';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { describeJsonError } from './json-error';

/** The configuration of one predictor plugin as JSON, validated by the plugin's own schema on save. */
export function PredictorConfigCard({ predictorId, title, description, starter }: { predictorId: string; title: string; description: string; starter?: unknown }) {
  const path = `/admin/predictors/${predictorId}/config`;
  const resource = useApiResource<{ config: unknown } | Record<string, unknown>>(path);
  const [source, setSource] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [unconfigured, setUnconfigured] = useState(false);

  useEffect(() => {
    if (!resource.data) return;
    const config = 'config' in resource.data ? resource.data.config : resource.data;
    setUnconfigured(config === null || config === undefined);
    setSource(JSON.stringify(config ?? starter ?? {}, null, 2));
    setSaved(config === null || config === undefined ? '' : JSON.stringify(config, null, 2));
  }, [resource.data, starter]);

  const jsonError = source === null ? null : describeJsonError(source);
  const initial = JSON.stringify(starter ?? {}, null, 2);

  async function save() {
    if (source === null || jsonError) return;
    setSaving(true);
    setProblems([]);
    setStatus(null);
    try {
      const answer = await api.put<{ config?: unknown } | null>(path, { config: JSON.parse(source) as unknown });
      const stored = JSON.stringify(answer?.config ?? JSON.parse(source), null, 2);
      setSource(stored);
      setSaved(stored);
      setUnconfigured(false);
      setStatus('Saved. The predictor restarted with this configuration.');
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      const fieldProblems = Object.entries(error.fieldErrors).map(([key, message]) => `${key.replace(/^config\.?/, '') || '(root)'}: ${message}`);
      setProblems(fieldProblems.length > 0 ? fieldProblems : [error.message]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader title={title} description={description} />
      {resource.error && source === null ? (
        <CardBody>
          <ResourceError error={resource.error} feature={title} onRetry={resource.reload} />
        </CardBody>
      ) : source === null ? (
        <CardBody>
          <Skeleton className="h-48 w-full" />
        </CardBody>
      ) : (
        <>
          <CardBody className="space-y-2">
            {unconfigured && <p className="text-xs text-amber-700">Not configured yet: below is an example. Adapt it and save to switch this predictor on.</p>}
            <textarea
              aria-label={`${title} configuration (JSON)`}
              spellCheck={false}
              rows={14}
              value={source}
              aria-invalid={jsonError || problems.length ? true : undefined}
              onChange={(event) => {
                setSource(event.target.value);
                setStatus(null);
              }}
              className={controlClass(Boolean(jsonError) || problems.length > 0, 'w-full font-mono text-xs leading-relaxed')}
            />
            {jsonError && <p className="text-xs font-medium text-red-600">{jsonError}</p>}
            {problems.length > 0 && (
              <ul role="alert" className="list-disc space-y-0.5 pl-5 text-xs font-medium text-red-600">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </CardBody>
          <CardFooter>
            {status && (
              <p role="status" className="mr-auto text-sm text-emerald-700">
                {status}
              </p>
            )}
            <Button disabled={source === (saved || initial)} onClick={() => setSource(saved || initial)}>
              Discard
            </Button>
            <Button variant="primary" loading={saving} disabled={source === saved || Boolean(jsonError)} onClick={save}>
              Save
            </Button>
          </CardFooter>
        </>
      )}
    </Card>
  );
}
