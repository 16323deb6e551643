import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describeLifecycle } from '../../machines/lifecycle.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { errorResponses, lifecycleSchema } from './schemas.ts';

/** The lifecycle as people read it: states, actions, roles and the five gates with their Chinese labels. */
export async function lifecycleRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lifecycle = describeLifecycle();
  r.get('/v1/lifecycle', {
    preHandler: requireActor(services.authenticator),
    schema: {
      tags: ['submissions'],
      summary: 'States, actions (with the fields their dialogs ask for and who may take them), roles and the five gates (五关), labelled in Chinese',
      response: { 200: lifecycleSchema, ...errorResponses },
    },
  }, async () => lifecycle);
}
