import type { FastifyInstance } from 'fastify';
import type { HealthStatus } from '../dependencies.ts';
import { metricsRefusal } from '../metrics-access.ts';
import type { Services } from '../services/index.ts';
import { calendarReadiness } from './calendar-readiness.ts';

const SEVERITY: Record<HealthStatus, number> = { ok: 0, degraded: 1, down: 2 };

/**
 * /healthz: the process lives. /readyz: Postgres answers (503 when not); a queue outage or a
 * calendar gap make it `degraded`, still 200, since commands keep working. Bodies say only
 * ok / degraded / down: what failed is in the log. /metrics: see metricsRefusal.
 */
export async function healthRoutes(app: FastifyInstance, services: Services) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  const calendar = calendarReadiness(services);
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const dependencies = await services.dependencies.check();
    const checks = {
      ...Object.fromEntries(Object.entries(dependencies).map(([name, status]) => [name, { status }])),
      calendar: calendar(),
    };
    const status = Object.values(checks)
      .map((check) => check.status)
      .reduce((worst, next) => (SEVERITY[next] > SEVERITY[worst] ? next : worst), 'ok' as HealthStatus);
    return reply.status(status === 'down' ? 503 : 200).send({ status, checks });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const refusal = metricsRefusal(services.config.METRICS_TOKEN, { remoteAddress: request.socket.remoteAddress, headers: request.headers });
    if (refusal) throw refusal;
    return reply.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
}
