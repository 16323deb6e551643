import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describeLifecycle } from '../../machines/lifecycle.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { lifecycleSchema } from './schemas.ts';
import { json } from './openapi.ts';

/** The lifecycle as people read it: states, actions, roles and the five gates with their Chinese labels. */
export async function lifecycleRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lifecycle = describeLifecycle();
  r.get('/v1/lifecycle', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags: ['submissions'],
      operationId: 'getLifecycle',
      summary: 'The lifecycle: states, actions, roles and the five gates (五关)',
      description: 'Labelled in Chinese; each action with the fields its dialog asks for and the roles that may take it.',
      response: { 200: json(lifecycleSchema, 'The lifecycle') },
    },
  }, async () => lifecycle);
}
