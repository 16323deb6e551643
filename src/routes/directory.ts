import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/plugin.ts';
import type { Services } from '../services/index.ts';
import { createUser, disableUser, listUsers, rotateToken } from '../services/users.ts';
import { z } from 'zod';
import { createUserBody, errorResponses, unitsSchema, userCreatedSchema, uuidParam } from './schemas.ts';

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

  const admins = requireActor(services.authenticator, ['admin']);
  r.get('/v1/users', {
    preHandler: admins,
    schema: {
      tags: ['users'],
      summary: 'Every user',
      response: {
        200: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), unitCode: z.string().nullable(), disabled: z.boolean(), createdAt: z.string() })),
        ...errorResponses,
      },
    },
  }, async () => listUsers(services.db));

  r.post('/v1/users/:id/token', {
    preHandler: admins,
    schema: { tags: ['users'], summary: 'Revoke a user’s tokens and issue a new one (shown once)', params: uuidParam, response: { 201: z.object({ id: z.string(), token: z.string() }), ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await rotateToken(services.db, request.params.id)));

  r.post('/v1/users/:id/disable', {
    preHandler: admins,
    schema: { tags: ['users'], summary: 'Disable a user: their tokens stop working', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await disableUser(services.db, request.params.id);
    return reply.status(204).send(null);
  });

  r.get('/v1/units', {
    preHandler: requireActor(services.authenticator),
    schema: { tags: ['units'], summary: 'The reporting units', response: { 200: unitsSchema, ...errorResponses } },
  }, async () => services.units.list.map(({ code, name, kind }) => ({ code, name, kind })));
}
