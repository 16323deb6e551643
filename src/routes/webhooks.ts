import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { WebhookRegistry } from '../services/webhook-registry.ts';
import { uuidParam } from './schemas.ts';
import { errorResponses, json, noContent } from './openapi.ts';

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  unitCode: z.string().nullable(),
  userId: z.string().nullable().describe('Only webhooks registered before they became admin-only belong to a user'),
  createdAt: z.string(),
});

const createBody = z.strictObject({
  url: z.string().max(2000),
  unitCode: z.string().min(1).max(20),
});

export async function webhookRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const registry = new WebhookRegistry(services.db, services.units, services.config.WEBHOOK_ALLOW_HOSTS);
  const tags = ['webhooks'];

  r.post('/v1/webhooks', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'createWebhook',
      summary: 'Register a webhook for a unit (admins only); the secret is shown once',
      description:
        'Each delivery is a JSON POST of the unit’s notifications, signed in the x-nmg-signature header as ' +
        '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; receivers refuse a timestamp older than their tolerance. ' +
        'The URL must be http(s), without credentials, and not an internal address unless WEBHOOK_ALLOW_HOSTS allows it; ' +
        'deliveries check the address again after DNS resolution and do not follow redirects.',
      body: createBody,
      response: { 201: json(webhookSchema.extend({ secret: z.string() }), 'The webhook, with its signing secret') },
    },
  }, async (request, reply) => reply.status(201).send(await registry.register(request.body, actorOf(request).id)));

  r.get('/v1/webhooks', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'listWebhooks',
      summary: 'Active webhooks (admins only)',
      description: 'Every webhook not disabled, without its secret.',
      response: { 200: json(z.array(webhookSchema), 'The webhooks') },
    },
  }, async () => registry.active());

  r.delete('/v1/webhooks/:id', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'disableWebhook',
      summary: 'Disable a webhook (admins only)',
      description: 'No further deliveries are made to it.',
      params: uuidParam,
      response: { 204: noContent('Disabled'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await registry.disable(request.params.id);
    return reply.status(204).send(null);
  });
}
