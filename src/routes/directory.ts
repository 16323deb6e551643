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
import { unitsSchema, uuidParam } from './schemas.ts';
import { errorResponses, json, noContent } from './openapi.ts';
import { clientOf } from './session.ts';
import type { AuditAction } from '../services/audit.ts';

/** People and units: admins manage accounts; everyone reads the units and the people they work with. */
export async function directoryRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = requireActor(services.authenticator, ['admin']);
  const anyone = requireActor(services.authenticator);
  const tags = ['users'];
  const userAndItem = z.object({ id: z.uuid().describe('Id (UUID) of the user'), itemId: z.uuid().describe('Id (UUID) of the user’s session or token') });

  r.post('/v1/users', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'createUser',
      summary: 'Create a person or an integration account (admin)',
      description: 'A person gets a login and a one-time initial password; an account without a login gets an API token, shown once in this answer.',
      body: createUserBody,
      response: { 201: json(userCreatedSchema, 'The new user (with the token of an integration account)'), ...errorResponses(409) },
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
    schema: {
      tags,
      operationId: 'listUsers',
      summary: 'Every user (admin)',
      description: 'People and integration accounts, disabled ones included.',
      response: { 200: json(userListSchema, 'The users') },
    },
  }, async () => listUsers(services.db));

  r.post('/v1/users/:id/token', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'rotateUserToken',
      summary: 'Revoke a user’s tokens and issue a new one (admin)',
      description: 'The new token’s value is in this answer only.',
      params: uuidParam,
      response: { 201: json(z.object({ id: z.string(), token: z.string() }), 'The new token'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const rotated = await rotateToken(services.db, services.audit, request.params.id, actorOf(request).id);
    return reply.status(201).send(rotated);
  });

  r.post('/v1/users/:id/disable', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'disableUser',
      summary: 'Disable a user (admin)',
      description: 'Their sessions end and their tokens stop working; their items and history stay.',
      params: uuidParam,
      response: { 204: noContent('Disabled'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await disableUser(services.db, services.sessions, services.audit, request.params.id, actorOf(request).id);
    return reply.status(204).send(null);
  });

  r.post('/v1/users/:id/password', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'resetUserPassword',
      summary: 'Reset a user’s password to a new initial one (admin)',
      description: 'They must change it at their next sign-in; their sessions end.',
      params: uuidParam,
      body: resetPasswordBody,
      response: { 204: noContent('Reset'), ...errorResponses(404, 422) },
    },
  }, async (request, reply) => {
    await services.accounts.resetPassword(actorOf(request).id, request.params.id, request.body.initialPassword, clientOf(request));
    return reply.status(204).send(null);
  });

  r.get('/v1/users/:id/sessions', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'listUserSessions',
      summary: 'A user’s sessions, newest first (admin)',
      description: 'Open and ended sessions with the address and browser they came from.',
      params: uuidParam,
      response: { 200: json(z.array(sessionSchema), 'The sessions, newest first') },
    },
  }, async (request) => services.sessions.list(request.params.id));

  r.delete('/v1/users/:id/sessions/:itemId', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'endUserSession',
      summary: 'End one of a user’s sessions (admin)',
      description: 'The session’s cookie stops working at once; the audit log records who ended it.',
      params: userAndItem,
      response: { 204: noContent('Ended'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const ended = await services.sessions.endOf(request.params.id, request.params.itemId, 'ended_by_admin');
    if (!ended) throw errors.notFound('Session');
    await services.audit.record({ action: 'session_ended', actorId: actorOf(request).id, subjectId: request.params.id, details: { session: request.params.itemId } });
    return reply.status(204).send(null);
  });

  r.get('/v1/users/:id/tokens', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'listUserTokens',
      summary: 'A user’s API tokens, never their values (admin)',
      description: 'Names, dates of creation and last use, and revocation.',
      params: uuidParam,
      response: { 200: json(z.array(tokenSchema), 'The tokens') },
    },
  }, async (request) => services.apiTokens.list(request.params.id));

  r.delete('/v1/users/:id/tokens/:itemId', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'revokeUserToken',
      summary: 'Revoke one of a user’s API tokens (admin)',
      description: 'The token stops working at once, in every process.',
      params: userAndItem,
      response: { 204: noContent('Revoked'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await services.apiTokens.revoke(request.params.id, request.params.itemId, actorOf(request).id);
    return reply.status(204).send(null);
  });

  r.get('/v1/audit', {
    preHandler: admins,
    schema: {
      tags,
      operationId: 'listAuditEntries',
      summary: 'The audit log, newest first (admin)',
      description: 'Sign-ins, sign-outs, passwords, tokens and user changes; pages follow `nextBefore`.',
      querystring: auditQuery,
      response: { 200: json(auditPageSchema, 'A page of entries and the `before` of the next one (null on the last page)') },
    },
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
      operationId: 'listPeople',
      summary: 'Display names and roles of the people I work with',
      description: 'For a unit’s people: their unit and the region’s reviewers; for the region: everyone.',
      response: { 200: json(z.array(personSchema), 'The people') },
    },
  }, async (request) => peopleFor(services.db, actorOf(request)));

  r.get('/v1/units', {
    preHandler: anyone,
    schema: {
      tags: ['units'],
      operationId: 'listUnits',
      summary: 'The reporting units',
      description: 'The association’s reporting units with their codes (e.g. 150600 for 鄂尔多斯市), which the API takes as `unitCode`.',
      response: { 200: json(unitsSchema, 'The units') },
    },
  }, async () => services.units.list.map(({ code, name, kind }) => ({ code, name, kind })));
}
