import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { MikroORM } from '@mikro-orm/core';
import { systemClock, type Clock } from '@autocase/core';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ensureBootstrapAdmin } from './auth/bootstrap-admin.js';
import { findProjectRoot, loadConfig, type AppConfig } from './config/app-config.js';
import { LocalEventPublisher } from './events/local-event-publisher.js';
import { RejectControlCharactersPipe } from './http/control-characters.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { createLogger, PinoNestLogger } from './infrastructure/app-logger.js';
import type { AppRuntime } from './infrastructure/infrastructure.module.js';
import { loadSecretBox } from './infrastructure/secret-box.js';
import { AppMetrics } from './ops/app-metrics.js';
import { openDatabase } from './persistence/orm.js';
import { MikroConfigurationRepository } from './persistence/repositories/mikro-configuration-repository.js';
import { MikroUserRepository } from './persistence/repositories/mikro-user-repository.js';
import { loadPlugins, readPluginList } from './plugins/plugin-loader.js';
import type { HostJobQueue } from './queue/host-job-queue.js';
import { seedDemoChannels } from './seed/demo-channels.js';
import { seedDemoConfiguration } from './seed/demo-seed.js';
import { JOB_QUEUE } from './tokens.js';

export interface CreateAppOptions {
  /** A full configuration; otherwise it is read from `env` (default process.env). */
  config?: AppConfig;
  env?: Record<string, string | undefined>;
  /** Overrides the configured port; 0 picks a free one (tests). */
  port?: number;
  logger?: Logger;
  clock?: Clock;
  queueOptions?: AppRuntime['queueOptions'];
}

export interface RunningApp {
  app: INestApplication;
  /** Base URL without the /api prefix, e.g. http://127.0.0.1:3000 */
  url: string;
  orm: MikroORM;
  runtime: AppRuntime;
  queue: HostJobQueue;
  /** Initial admin password when this start created the default admin. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

/** Boots the API: validates configuration and plugins, opens and migrates the database, seeds, starts HTTP and the job queue. */
export async function createApp(options: CreateAppOptions = {}): Promise<RunningApp> {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const plugins = await loadPlugins(await readPluginList(config), { root: findProjectRoot(), logger });
  const orm = await openDatabase(config.database);
  let app: NestExpressApplication | undefined;
  try {
    const secrets = loadSecretBox({ secretKey: config.secrets.key, secretKeyFile: config.secrets.keyFile, inMemory: config.database.kind === 'sqlite' && config.database.file === ':memory:', warn: (message) => logger.warn(message) });
    const runtime: AppRuntime = { config, logger, orm, clock, events: new LocalEventPublisher(logger), metrics: new AppMetrics(), plugins, secrets, queueOptions: options.queueOptions };
    const users = new MikroUserRepository(orm, clock);
    const admin = await ensureBootstrapAdmin(users, config.bootstrapAdmin, logger);
    const configuration = new MikroConfigurationRepository(orm, clock);
    const demoSeeded = (config.demo || (config.database.kind === 'sqlite' && !(await configuration.hasFields()))) && (await seedDemoConfiguration(configuration, logger));

    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), { logger: new PinoNestLogger(logger), abortOnError: false });
    app.setGlobalPrefix('api');
    // Swagger UI needs its inline init script; plain-HTTP self-hosting must not be upgraded to HTTPS.
    app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'https:'], 'upgrade-insecure-requests': null } } }));
    app.enableCors({ origin: config.corsOrigins, credentials: true, allowedHeaders: ['Authorization', 'Content-Type', 'X-Conversation-Token'], exposedHeaders: ['Retry-After'] });
    // Only the configured proxies' X-Forwarded-For names the client (rate limits key on it).
    app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
    app.use((request: Request, response: Response, next: NextFunction) => {
      const startedAt = performance.now();
      response.on('finish', () => {
        const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
        const durationMs = performance.now() - startedAt;
        runtime.metrics.observeHttp(request.method, route, response.statusCode, durationMs);
        logger[response.statusCode >= 500 ? 'error' : 'info']({ method: request.method, url: request.originalUrl.split('?')[0], status: response.statusCode, durationMs: Math.round(durationMs) }, 'request');
      });
      next();
    });
    app.useGlobalFilters(new AllExceptionsFilter(logger));
    app.useGlobalPipes(new RejectControlCharactersPipe());
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Autocase API').setDescription('Autonomous case management: configuration, cases, chat, email.').setVersion('1').addBearerAuth().build());
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

    // The UIs' proxies reuse idle keep-alive sockets; with Node's 5 s default the server closed them
    // just as a request went out on one (ECONNRESET, a 500 at the proxy). Idle sockets now outlive the clients' own timeouts.
    const httpServer = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
    httpServer.keepAliveTimeout = 65_000;
    httpServer.headersTimeout = 66_000;
    await app.listen(options.port ?? config.port, config.host);
    if (demoSeeded && config.demo) await seedDemoChannels(app, logger);
    const queue = app.get<HostJobQueue>(JOB_QUEUE);
    await queue.start();
    const address = app.getHttpServer().address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
    logger.info({ url: `${url}/api`, database: config.database.kind, queue: queue.kind }, 'Autocase API listening');
    const running = app;
    let closed = false;
    return {
      app: running,
      url,
      orm,
      runtime,
      queue,
      generatedAdminPassword: admin.generatedPassword,
      async close() {
        if (closed) return;
        closed = true;
        await queue.stop();
        await running.close();
        await orm.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await orm.close().catch(() => undefined);
    throw error;
  }
}
