import { startApi } from './server.ts';

/** `npm start`: the API (and, for small installs, the workers) in one process. */
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
