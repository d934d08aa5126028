import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MikroORM } from '@mikro-orm/core';
import type { Response } from 'express';
import { Public } from '../auth/auth-decorators.js';
import { AuthService } from '../auth/auth.service.js';
import type { HostJobQueue, QueueHealth } from '../queue/host-job-queue.js';
import { APP_CONFIG, JOB_QUEUE, METRICS, MIKRO_ORM } from '../tokens.js';
import type { AppConfig } from '../config/app-config.js';
import type { AppMetrics } from './app-metrics.js';
import { requireMetricsAccess } from './metrics-access.js';

/** How long each dependency check may take: health answers within about this, whatever is down. */
export const HEALTH_CHECK_TIMEOUT_MS = 500;

/** The check's result, or `failure(reason)` when it throws or takes longer than `timeoutMs`. */
export async function checkWithin<T>(check: () => Promise<T>, timeoutMs: number, failure: (reason: string) => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(failure(`no answer within ${timeoutMs} ms`)), timeoutMs)));
  try {
    return await Promise.race([check().catch((error: unknown) => failure(error instanceof Error ? error.message : String(error))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** The dependencies that failed their check (empty when healthy). */
  failed: ('database' | 'queue')[];
  database: { ok: boolean; kind: string; detail: string };
  queue: QueueHealth;
  uptimeSeconds: number;
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(MIKRO_ORM) private readonly orm: MikroORM,
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(METRICS) private readonly metrics: AppMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  /** Liveness plus database and queue checks, each bounded in time; 503 naming the dependencies that failed. */
  @Public()
  @Get('health')
  @Header('Cache-Control', 'no-store')
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const kind = this.config.database.kind;
    const [database, queue] = await Promise.all([
      checkWithin(
        async () => {
          await this.orm.em.getConnection().execute('select 1 as ok');
          return { ok: true, kind, detail: 'reachable' };
        },
        HEALTH_CHECK_TIMEOUT_MS,
        (reason) => ({ ok: false, kind, detail: `database unreachable: ${reason}` }),
      ),
      checkWithin(() => this.queue.health(), HEALTH_CHECK_TIMEOUT_MS, (reason): QueueHealth => ({ ok: false, kind: this.queue.kind, detail: `queue unreachable: ${reason}` })),
    ]);
    const failed = [...(database.ok ? [] : (['database'] as const)), ...(queue.ok ? [] : (['queue'] as const))];
    response.status(failed.length === 0 ? 200 : 503);
    return { status: failed.length === 0 ? 'ok' : 'degraded', failed, database, queue, uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Prometheus text format; `Authorization: Bearer <METRICS_TOKEN>` or an admin's token. */
  @Public()
  @ApiBearerAuth()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async prometheus(@Res() response: Response, @Headers('authorization') authorization: string | undefined): Promise<void> {
    await requireMetricsAccess(authorization, this.config.metricsToken, this.auth);
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    response.send(await this.metrics.registry.metrics());
  }
}
