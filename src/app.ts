import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { documentObject, documentRoute } from './routes/openapi.ts';
import { registerAuthFailureLimit } from './auth/failure-limit.ts';
import { handleError } from './error-handler.ts';
import { consoleIndex, wantsConsolePage } from './routes/console.ts';
import { appError } from './errors.ts';
import { validatorCompiler } from './validation.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { directoryRoutes } from './routes/directory.ts';
import { sessionRoutes } from './routes/session.ts';
import { healthRoutes } from './routes/health.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { taskRoutes } from './routes/tasks.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { adminJobRoutes } from './routes/admin-jobs.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { scoringRuleRoutes } from './routes/scoring-rules.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { imageRoutes } from './routes/images.ts';
import { importRoutes } from './routes/import.ts';
import { reportRoutes } from './routes/reports.ts';
import { commissionRoutes } from './routes/commissions.ts';
import { commissionRuleRoutes } from './routes/commission-rules.ts';
import type { Services } from './services/index.ts';
import type { Logger } from './logger.ts';

export interface AppOptions {
  services: Services;
  /** A pino logger to use, or false for none (tests). Default: a new one at LOG_LEVEL. */
  logger?: Logger | boolean;
}

/** Fastify's `trustProxy` from the TRUST_PROXY setting: off, every proxy, or the listed addresses. */
function trustedProxies(setting: string): boolean | string[] {
  if (setting.trim() === '') return false;
  if (setting.trim() === 'true') return true;
  return setting.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Builds the HTTP application without listening, so that tests use `inject` or a random port. */
export async function buildApp({ services, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof logger === 'object' ? { loggerInstance: logger } : { logger: logger && { level: services.config.LOG_LEVEL } }),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustedProxies(services.config.TRUST_PROXY),
    // A badly encoded URL or an over-long path parameter: answered like every other error.
    frameworkErrors: handleError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(import('./routes/text-guard.ts'));
  await app.register(import('./routes/query-strictness.ts'));
  const consolePage = consoleIndex();
  app.setNotFoundHandler(async (request, reply) => {
    if (consolePage && wantsConsolePage(request.method, request.url)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(consolePage);
    }
    const route = `${request.method} ${request.url.split('?')[0]}`;
    throw appError('not_found', { what: { zh: `接口 ${route}`, en: `Route ${route}` } });
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  await app.register(cookie);
  app.addHook('onResponse', async (request, reply) => {
    services.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // At the root, so that they cover every route: headers on all answers, one failure count per address.
  const root = app as unknown as FastifyInstance;
  await registerSecurityHeaders(root);
  await registerAuthFailureLimit(root, services.config);

  await app.register(swagger, {
    openapi: {
      info: {
        title: '信息报送 — information submission API',
        description: 'Workflow and approval engine for the Inner Mongolia Family Planning Association',
        version: '1.0.0',
        license: { name: 'UNLICENSED: proprietary, for the association’s own use' },
      },
      // Relative: the document describes the service that serves it, wherever it runs.
      servers: [{ url: '/', description: 'This service (the origin /openapi.json was read from)' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'nmg_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: documentRoute,
    transformObject: documentObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (scope) => {
    await healthRoutes(scope, services);
    await sessionRoutes(scope, services);
    await directoryRoutes(scope, services);
    await submissionRoutes(scope, services);
    await imageRoutes(scope, services);
    await taskRoutes(scope, services);
    await lifecycleRoutes(scope, services);
    await notificationRoutes(scope, services);
    await webhookRoutes(scope, services);
    await calendarRoutes(scope, services);
    await scoringRuleRoutes(scope, services);
    await adminJobRoutes(scope, services);
    await reportRoutes(scope, services);
    await importRoutes(scope, services);
    await commissionRoutes(scope, services);
    await commissionRuleRoutes(scope, services);
  });
  await app.register(import('./routes/console.ts'));
  return app as unknown as FastifyInstance;
}
