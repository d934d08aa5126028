import { ConfigurationError } from './config/app-config.js';
import { createApp } from './create-app.js';
import { createLogger } from './infrastructure/app-logger.js';
import { PluginConfigurationError } from './plugins/plugin-loader.js';

const bootLogger = createLogger(process.env.LOG_LEVEL ?? 'info');

process.on('unhandledRejection', (reason) => bootLogger.error({ err: reason }, 'unhandled promise rejection (kept running)'));

try {
  const running = await createApp();
  const shutdown = (signal: string): void => {
    bootLogger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        bootLogger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof PluginConfigurationError) {
    process.stderr.write(`\nAutocase API did not start.\n${error.message}\n\n`);
  } else {
    bootLogger.fatal({ err: error }, 'Autocase API did not start');
  }
  process.exit(1);
}
