import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/index.ts';
import { calendarReadiness } from './calendar-readiness.ts';

export interface ReadinessCheck {
  name: string;
  /** Resolves with details when healthy; throws when not. `warnings` do not make it unready. */
  check(): Promise<{ ok: boolean; details?: unknown }>;
}

export async function healthRoutes(app: FastifyInstance, services: Services) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  const checks: ReadinessCheck[] = [
    {
      name: 'postgres',
      check: async () => {
        await sql`SELECT 1`.execute(services.db);
        return { ok: true };
      },
    },
    ...(services.queues
      ? [
          {
            name: `queue (${services.queues.backend})`,
            check: async () => {
              await services.queues!.ping();
              return { ok: true };
            },
          },
        ]
      : []),
    calendarReadiness(services),
  ];

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const results: Record<string, { ok: boolean; details?: unknown; error?: string }> = {};
    await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          results[name] = await check();
        } catch (error) {
          results[name] = { ok: false, error: (error as Error).message };
        }
      }),
    );
    const ready = Object.values(results).every((r) => r.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unready', checks: results });
  });
}
