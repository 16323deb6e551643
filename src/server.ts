import { buildApp } from './app.ts';
import { openInfrastructure } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createServices } from './services/index.ts';
import { calendarReadiness } from './routes/calendar-readiness.ts';
import { createLogger } from './logger.ts';

/** The API process: `npm run api`. `npm start` (src/main.ts) runs it together with the workers. */
export async function startApi() {
  const config = loadConfig();
  const log = createLogger(config, 'api');
  const opened = await openInfrastructure(config, log);
  const services = createServices(opened.infra);
  const app = await buildApp({ services, readiness: [calendarReadiness(services)], logger: log });
  await app.listen({ port: config.PORT, host: config.HOST });
  return {
    app,
    opened,
    stop: async () => {
      await app.close();
      await opened.close();
    },
  };
}

if (import.meta.main) {
  startApi()
    .then(({ app, stop }) => {
      const shutdown = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await stop();
        process.exit(0);
      };
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      process.once('SIGINT', () => void shutdown('SIGINT'));
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
