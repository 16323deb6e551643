import { createServer } from 'node:http';
import { openInfrastructure } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { ErrorBody } from '../src/errors.ts';
import { languageOf } from '../src/language.ts';
import { createLogger } from '../src/logger.ts';
import { metricsRefusal } from '../src/metrics-access.ts';
import { runUntilSignalled } from '../src/process.ts';
import { createServices } from '../src/services/index.ts';
import { createQueueKit, queueSettingsFrom } from './queues.ts';
import { startWorkers } from './runtime.ts';

/** `npm run worker`: the workers, the outbox relay and the sweeper, with /metrics on WORKER_PORT. */
export async function startWorkerProcess() {
  const config = loadConfig();
  const log = createLogger(config, 'worker');
  const opened = await openInfrastructure(config, log);
  const queues = createQueueKit(queueSettingsFrom(config, opened.databaseUrl, log));
  const services = createServices(opened.infra, queues);
  const runtime = startWorkers(services, { scorePauseMs: config.FAULT_SCORE_PAUSE_MS });
  log.info({ backend: queues.backend }, 'workers started');

  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      const refusal = metricsRefusal(config.METRICS_TOKEN, { remoteAddress: request.socket.remoteAddress, headers: request.headers });
      if (refusal) {
        const body: ErrorBody = { error: { code: refusal.code, message: refusal.messageIn(languageOf(request.headers['accept-language'])) } };
        response.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
        return;
      }
      services.metrics.registry.metrics().then((body) => {
        response.writeHead(200, { 'content-type': services.metrics.registry.contentType }).end(body);
      });
    } else if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(config.WORKER_PORT, config.HOST, resolve));
  return {
    stop: async () => {
      server.close();
      await runtime.stop();
      await opened.close();
    },
  };
}

if (import.meta.main) runUntilSignalled(startWorkerProcess);
