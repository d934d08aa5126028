'use client';

import { useCallback, useEffect, useState } from 'react';
import { ApiError, buildApiPath } from '@/lib/api-client';
import { sessionStore } from '@/lib/session';
import type { HealthReport } from './health-types';
import { jobFigures, parsePrometheus, type JobFigures } from './job-metrics';

export interface OperationsStatus {
  health: HealthReport | undefined;
  jobs: JobFigures[] | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

/** The metrics are for admins (or Prometheus with METRICS_TOKEN): send the signed-in admin's token. */
function metricsHeaders(): HeadersInit {
  const token = sessionStore.read()?.token;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Health (a 503 still carries the report: that is how "degraded" looks) and per-job figures from
 * the Prometheus metrics, refreshed every `intervalMs`.
 */
export function useOperationsStatus(intervalMs: number): OperationsStatus {
  const [health, setHealth] = useState<HealthReport | undefined>(undefined);
  const [jobs, setJobs] = useState<JobFigures[] | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const reload = useCallback(() => {
    const load = async () => {
      try {
        const [healthResponse, metricsResponse] = await Promise.all([fetch(buildApiPath('/health'), { cache: 'no-store' }), fetch(buildApiPath('/metrics'), { cache: 'no-store', headers: metricsHeaders() })]);
        const healthBody = (await healthResponse.json().catch(() => null)) as HealthReport | null;
        if (!healthBody?.queue) throw new ApiError(healthResponse.status, healthBody);
        setHealth(healthBody);
        setJobs(metricsResponse.ok ? jobFigures(parsePrometheus(await metricsResponse.text())) : []);
        setError(undefined);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError(0, { message: 'Cannot reach the Autocase API. Check that it is running and try again.' }));
      }
    };
    void load();
  }, []);

  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, intervalMs);
    return () => window.clearInterval(timer);
  }, [reload, intervalMs]);

  return { health, jobs, error, reload };
}
