import { buildApp } from './app.ts';
import { openInfrastructure } from './bootstrap.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServices } from './services/index.ts';
import { runUntilSignalled, stopInOrder, type Running } from './process.ts';
import { createQueueKit, queueSettingsFrom } from '../workers/queues.ts';
import { startWorkers } from '../workers/runtime.ts';

export interface ApiOptions {
  /** Also run the workers, the outbox relay and the sweeper (`npm start`). */
  withWorkers?: boolean;
  config?: Config;
  log?: Logger;
}

/**
 * The API process (`npm run api`); with `withWorkers` (`npm start`) the workers, the outbox relay
 * and the sweeper run in the same process, for small installs.
 */
export async function startApi({ withWorkers = false, config = loadConfig(), log = createLogger(config, withWorkers ? 'api+worker' : 'api') }: ApiOptions = {}) {
  const opened = await openInfrastructure(config, log);
  const queues = createQueueKit(queueSettingsFrom(config, opened.databaseUrl, log));
  log.info({ backend: queues.backend }, 'queue backend');
  const services = createServices(opened.infra, queues);
  const runtime = withWorkers ? startWorkers(services) : undefined;
  const app = await buildApp({ services, logger: log });
  await app.listen({ port: config.PORT, host: config.HOST });
  const running: Running & { app: typeof app } = {
    app,
    // New requests are refused first; then nothing produces or consumes jobs; the database goes last.
    stop: () =>
      stopInOrder(log, [
        ['http', () => app.close()],
        ...(runtime ? [['workers', () => runtime.stopWork()] as const] : []),
        ['queues', () => queues.close()],
        ...opened.closeSteps,
      ]),
  };
  return running;
}

if (import.meta.main) runUntilSignalled('api', (config, log) => startApi({ config, log }));
