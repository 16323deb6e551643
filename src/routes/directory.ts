import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { createUser } from '../services/users.ts';
import { createUserBody, errorResponses, unitsSchema, userCreatedSchema } from './schemas.ts';

export async function directoryRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/users', {
    preHandler: requireActor(services.authenticator, ['admin']),
    schema: {
      tags: ['users'],
      summary: 'Create a user and its API token (shown once)',
      body: createUserBody,
      response: { 201: userCreatedSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(services.db, services.units, request.body)));

  r.get('/v1/units', {
    preHandler: requireActor(services.authenticator),
    schema: { tags: ['units'], summary: 'The reporting units', response: { 200: unitsSchema, ...errorResponses } },
  }, async () => services.units.list.map(({ code, name, kind }) => ({ code, name, kind })));
}
