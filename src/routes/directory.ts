import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { errors } from '../errors.ts';
import type { Services } from '../services/index.ts';
import { peopleFor } from '../services/people.ts';
import { createUser, disableUser, listUsers, rotateToken } from '../services/users.ts';
import {
  auditPageSchema,
  auditQuery,
  createUserBody,
  personSchema,
  resetPasswordBody,
  sessionSchema,
  tokenSchema,
  userCreatedSchema,
  userListSchema,
} from './account-schemas.ts';
import { errorResponses, unitsSchema, uuidParam } from './schemas.ts';
import { clientOf } from './session.ts';
import type { AuditAction } from '../services/audit.ts';

/** People and units: admins manage accounts; everyone reads the units and the people they work with. */
export async function directoryRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const anyone = requireActor(services.authenticator);
  const tags = ['users'];
  const userAndItem = z.object({ id: z.uuid(), itemId: z.uuid() });

  r.post('/v1/users', {
    preHandler: admins,
    schema: {
      tags,
      summary: 'Create a person (login and a one-time initial password) or an integration account (an API token, shown once)',
      body: createUserBody,
      response: { 201: userCreatedSchema, ...errorResponses },
    },
  }, async (request, reply) =>
    reply.status(201).send(await createUser(services.db, services.units, request.body, {
      accounts: services.accounts,
      audit: services.audit,
      actorId: actorOf(request).id,
    })),
  );

  r.get('/v1/users', {
    preHandler: admins,
    schema: { tags, summary: 'Every user', response: { 200: userListSchema, ...errorResponses } },
  }, async () => listUsers(services.db));

  r.post('/v1/users/:id/token', {
    preHandler: admins,
    schema: { tags, summary: 'Revoke a user’s tokens and issue a new one (shown once)', params: uuidParam, response: { 201: z.object({ id: z.string(), token: z.string() }), ...errorResponses } },
  }, async (request, reply) => {
    const rotated = await rotateToken(services.db, services.audit, request.params.id, actorOf(request).id);
    return reply.status(201).send(rotated);
  });

  r.post('/v1/users/:id/disable', {
    preHandler: admins,
    schema: { tags, summary: 'Disable a user: their sessions end and their tokens stop working', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await disableUser(services.db, services.sessions, services.audit, request.params.id, actorOf(request).id);
    return reply.status(204).send(null);
  });

  r.post('/v1/users/:id/password', {
    preHandler: admins,
    schema: {
      tags,
      summary: 'Reset a user’s password to a new initial one: they must change it at next sign-in; their sessions end',
      params: uuidParam,
      body: resetPasswordBody,
      response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    await services.accounts.resetPassword(actorOf(request).id, request.params.id, request.body.initialPassword, clientOf(request));
    return reply.status(204).send(null);
  });

  r.get('/v1/users/:id/sessions', {
    preHandler: admins,
    schema: { tags, summary: 'A user’s sessions, newest first', params: uuidParam, response: { 200: z.array(sessionSchema), ...errorResponses } },
  }, async (request) => services.sessions.list(request.params.id));

  r.delete('/v1/users/:id/sessions/:itemId', {
    preHandler: admins,
    schema: { tags, summary: 'End one of a user’s sessions', params: userAndItem, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const ended = await services.sessions.endOf(request.params.id, request.params.itemId, 'ended_by_admin');
    if (!ended) throw errors.notFound('Session');
    await services.audit.record({ action: 'session_ended', actorId: actorOf(request).id, subjectId: request.params.id, details: { session: request.params.itemId } });
    return reply.status(204).send(null);
  });

  r.get('/v1/users/:id/tokens', {
    preHandler: admins,
    schema: { tags, summary: 'A user’s API tokens (never their values)', params: uuidParam, response: { 200: z.array(tokenSchema), ...errorResponses } },
  }, async (request) => services.apiTokens.list(request.params.id));

  r.delete('/v1/users/:id/tokens/:itemId', {
    preHandler: admins,
    schema: { tags, summary: 'Revoke one of a user’s API tokens', params: userAndItem, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await services.apiTokens.revoke(request.params.id, request.params.itemId, actorOf(request).id);
    return reply.status(204).send(null);
  });

  r.get('/v1/audit', {
    preHandler: admins,
    schema: { tags, summary: 'The audit log: sign-ins, sign-outs, passwords, tokens, user changes; newest first', querystring: auditQuery, response: { 200: auditPageSchema, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    return services.audit.list({
      userId: q.userId,
      action: q.action as AuditAction | undefined,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      limit: q.limit,
      before: q.before,
    });
  });

  r.get('/v1/people', {
    preHandler: anyone,
    schema: {
      tags,
      summary: 'Display names and roles of the people I work with (my unit and the region’s reviewers; everyone for the region)',
      response: { 200: z.array(personSchema), ...errorResponses },
    },
  }, async (request) => peopleFor(services.db, actorOf(request)));

  r.get('/v1/units', {
    preHandler: anyone,
    schema: { tags: ['units'], summary: 'The reporting units', response: { 200: unitsSchema, ...errorResponses } },
  }, async () => services.units.list.map(({ code, name, kind }) => ({ code, name, kind })));
}
