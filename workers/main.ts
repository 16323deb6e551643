import { createServer } from 'node:http';
import { openInfrastructure } from '../src/bootstrap.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { ErrorBody } from '../src/errors.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { metricsRefusal } from '../src/metrics-access.ts';
import { runUntilSignalled, stopInOrder, type Running } from '../src/process.ts';
import { createServices } from '../src/services/index.ts';
import { createQueueKit, queueSettingsFrom } from './queues.ts';
import { startWorkers } from './runtime.ts';

/** `npm run worker`: the workers, the outbox relay and the sweeper, with /metrics on WORKER_PORT. */
export async function startWorkerProcess(config: Config = loadConfig(), log: Logger = createLogger(config, 'worker')): Promise<Running> {
  const opened = await openInfrastructure(config, log);
  const queues = createQueueKit(queueSettingsFrom(config, opened.databaseUrl, log));
  const services = createServices(opened.infra, queues);
  const runtime = startWorkers(services, { scorePauseMs: config.FAULT_SCORE_PAUSE_MS });
  log.info({ backend: queues.backend }, 'workers started');

  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      const refusal = metricsRefusal(config.METRICS_TOKEN, { remoteAddress: request.socket.remoteAddress, headers: request.headers });
      if (refusal) {
        const body: ErrorBody = { error: { code: refusal.code, message: refusal.message } };
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
    stop: () =>
      stopInOrder(log, [
        ['http', () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections())],
        ['workers', () => runtime.stopWork()],
        ['queues', () => queues.close()],
        ...opened.closeSteps,
      ]),
  };
}

if (import.meta.main) runUntilSignalled('worker', startWorkerProcess);
