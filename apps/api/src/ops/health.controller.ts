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

export interface HealthReport {
  status: 'ok' | 'degraded';
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

  /** Liveness plus database and queue checks; 503 when one of them is down. */
  @Public()
  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const database = await this.orm.em
      .getConnection()
      .execute('select 1 as ok')
      .then(() => ({ ok: true, kind: this.config.database.kind, detail: 'reachable' }))
      .catch((error: Error) => ({ ok: false, kind: this.config.database.kind, detail: error.message }));
    const queue = await this.queue.health().catch((error: Error) => ({ ok: false, kind: this.queue.kind, detail: error.message }) as QueueHealth);
    const healthy = database.ok && queue.ok;
    response.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'degraded', database, queue, uptimeSeconds: Math.round(process.uptime()) };
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
