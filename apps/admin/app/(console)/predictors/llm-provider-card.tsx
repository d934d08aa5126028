'use client';

import { useEffect, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { SelectField, TextField } from '@/components/ui/form-field';
import { Skeleton } from '@/components/ui/skeleton';
import { Switch } from '@/components/ui/switch';
import { ApiError, api } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { plainErrorMessage } from '@/lib/plain-error';
import { LLM_PROVIDERS, describeLlmTest, toLlmForm, toLlmPayload, type LlmProvider, type LlmSettingsForm, type LlmSettingsView, type LlmTestResult } from './llm-settings';

export function LlmProviderCard() {
  const resource = useApiResource<LlmSettingsView>('/admin/predictors/llm');
  const [form, setForm] = useState<LlmSettingsForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);

  useEffect(() => {
    if (resource.data) setForm(toLlmForm(resource.data));
  }, [resource.data]);

  const patch = (changes: Partial<LlmSettingsForm>) => {
    setForm((current) => (current ? { ...current, ...changes } : current));
    setStatus(null);
  };

  async function run(kind: 'save' | 'test') {
    if (!form) return;
    setBusy(kind);
    setErrors({});
    setStatus(null);
    try {
      if (kind === 'save') {
        const saved = await api.put<LlmSettingsView>('/admin/predictors/llm', toLlmPayload(form));
        resource.setData(saved);
        setStatus({ tone: 'ok', text: 'LLM settings saved.' });
      } else {
        const result = await api.post<LlmTestResult>('/admin/predictors/llm/test', toLlmPayload(form));
        setStatus({ tone: result.ok ? 'ok' : 'error', text: result.ok ? describeLlmTest(result) : plainErrorMessage(result.message ?? 'The test call failed.') });
      }
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      setErrors(error.fieldErrors);
      setStatus({ tone: 'error', text: Object.keys(error.fieldErrors).length > 0 ? 'Not saved: fix the highlighted settings.' : plainErrorMessage(error.message) });
    } finally {
      setBusy(null);
    }
  }

  const provider = LLM_PROVIDERS.find((entry) => entry.value === form?.provider);
  return (
    <Card>
      <CardHeader
        title="LLM provider"
        description="Used by the LLM predictor and the summary note. The key stays on the server: it is never sent back to the browser."
        actions={
          resource.data && (
            <>
              {resource.data.status && (
                <Badge tone={resource.data.status === 'active' ? 'success' : resource.data.status === 'failed' ? 'danger' : 'neutral'}>
                  {resource.data.status === 'failed' && resource.data.detail?.startsWith('needs an API key') ? 'needs a key' : resource.data.status}
                </Badge>
              )}
              {resource.data.apiKeySet ? <Badge tone="success">Key stored{resource.data.apiKeyLast4 ? ` ···${resource.data.apiKeyLast4}` : ''}</Badge> : <Badge tone="warning">No key</Badge>}
            </>
          )
        }
      />
      {resource.error && !form ? (
        <CardBody>
          <ResourceError error={resource.error} feature="LLM settings" onRetry={resource.reload} />
        </CardBody>
      ) : !form ? (
        <CardBody className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </CardBody>
      ) : (
        <>
          <CardBody className="space-y-5">
            {resource.data?.status === 'failed' && resource.data.detail && <Alert tone="error" title="The LLM predictor is not running">{plainErrorMessage(resource.data.detail)}</Alert>}
            <Switch label="Use an LLM for predictions" description="Off: only the regex, rules and learned predictors run, fully offline." checked={form.enabled} onChange={(enabled) => patch({ enabled })} />
            <div className="grid gap-4 md:grid-cols-2">
              <SelectField label="Provider" value={form.provider} error={errors.provider} onChange={(event) => patch({ provider: event.target.value as LlmProvider })}>
                {LLM_PROVIDERS.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.label}
                  </option>
                ))}
              </SelectField>
              <TextField label="Model" value={form.model} error={errors.model} hint={provider?.modelHint} onChange={(event) => patch({ model: event.target.value })} className="[&_input]:font-mono" />
              <TextField
                label="Base URL"
                value={form.baseURL}
                error={errors.baseURL}
                placeholder={form.provider === 'openai-compatible' ? 'http://127.0.0.1:11434/v1' : 'Provider default'}
                hint={form.provider === 'openai-compatible' ? 'Required for OpenAI-compatible servers.' : 'Optional override, e.g. for a proxy.'}
                onChange={(event) => patch({ baseURL: event.target.value })}
                className="[&_input]:font-mono"
              />
              <TextField
                label="API key"
                type="password"
                autoComplete="off"
                value={form.apiKey}
                error={errors.apiKey}
                placeholder={resource.data?.apiKeySet ? '•••••••• stored — type to replace' : 'Paste the key'}
                hint="Write-only. Leave blank to keep the stored key."
                onChange={(event) => patch({ apiKey: event.target.value, clearApiKey: false })}
              />
            </div>
            {resource.data?.apiKeySet && <Checkbox label="Remove the stored key" checked={form.clearApiKey} onChange={(clearApiKey) => patch({ clearApiKey, apiKey: '' })} />}
          </CardBody>
          <CardFooter>
            {status && (
              <p role="status" className={status.tone === 'ok' ? 'mr-auto text-sm font-medium text-emerald-700' : 'mr-auto text-sm font-medium text-red-600'}>
                {status.text}
              </p>
            )}
            <Button loading={busy === 'test'} disabled={busy !== null} onClick={() => run('test')}>
              Test call
            </Button>
            <Button variant="primary" loading={busy === 'save'} disabled={busy !== null} onClick={() => run('save')}>
              Save LLM settings
            </Button>
          </CardFooter>
        </>
      )}
    </Card>
  );
}
