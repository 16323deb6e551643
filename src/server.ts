import { buildApp } from './app.ts';
import { openInfrastructure } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices } from './services/index.ts';
import { runUntilSignalled } from './process.ts';
import { createQueueKit, queueSettingsFrom } from '../workers/queues.ts';
import { startWorkers } from '../workers/runtime.ts';

/**
 * The API process (`npm run api`); with `withWorkers` (`npm start`) the workers, the outbox relay
 * and the sweeper run in the same process, for small installs.
 */
export async function startApi({ withWorkers = false } = {}) {
  const config = loadConfig();
  const log = createLogger(config, withWorkers ? 'api+worker' : 'api');
  const opened = await openInfrastructure(config, log);
  const queues = createQueueKit(queueSettingsFrom(config, opened.databaseUrl, log));
  log.info({ backend: queues.backend }, 'queue backend');
  const services = createServices(opened.infra, queues);
  const runtime = withWorkers ? startWorkers(services) : undefined;
  const app = await buildApp({ services, logger: log });
  await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app,
    stop: async () => {
      await app.close();
      if (runtime) await runtime.stop();
      else await queues.close();
      await opened.close();
    },
  };
}

if (import.meta.main) runUntilSignalled(() => startApi());
