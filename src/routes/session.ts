import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/plugin.ts';
import { assertSameOrigin, clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import type { Client } from '../services/accounts.ts';
import type { Services } from '../services/index.ts';
import { NotificationInbox } from '../services/notification-inbox.ts';
import {
  changePasswordBody,
  createdTokenSchema,
  meSchema,
  sessionSchema,
  signedInSchema,
  signInBody,
  tokenBody,
  tokenSchema,
} from './account-schemas.ts';
import { errorResponses, uuidParam } from './schemas.ts';

export function clientOf(request: FastifyRequest): Client {
  const agent = request.headers['user-agent'];
  return { address: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

/** Signing in and out, and what a person does with their own account: `/v1/session` and `/v1/me`. */
export async function sessionRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['session'];
  const cookie = { secure: services.config.SECURE_COOKIES, maxMs: services.config.SESSION_MAX_MS };
  const anyone = requireActor(services.authenticator);
  const beforePasswordChange = { allowedBeforePasswordChange: true };

  r.post('/v1/session', {
    schema: {
      tags,
      summary: 'Sign in with a login name and password: sets the session cookie',
      security: [],
      body: signInBody,
      response: { 200: signedInSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    assertSameOrigin(request, { headerRequired: false });
    try {
      const { user, token } = await services.accounts.signIn(request.body.login, request.body.password, clientOf(request));
      setSessionCookie(reply, token, cookie);
      return { user };
    } catch (error) {
      const retry = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
      throw error;
    }
  });

  r.delete('/v1/session', {
    preHandler: anyone,
    config: beforePasswordChange,
    schema: { tags, summary: 'Sign out: ends this session and clears its cookie', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (request.sessionId) await services.accounts.signOut(actorOf(request).id, request.sessionId, clientOf(request));
    clearSessionCookie(reply, cookie);
    return reply.status(204).send(null);
  });

  r.get('/v1/me', {
    preHandler: anyone,
    schema: { tags, summary: 'Who I am: role, unit, open tasks, unread notifications', response: { 200: meSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const [user, openTasks, unread] = await Promise.all([
      services.accounts.loginOf(actor.id),
      services.queries.countTasks(actor),
      new NotificationInbox(services.db).unreadCount(actor.id),
    ]);
    return {
      id: actor.id,
      name: actor.name,
      login: user?.login ?? null,
      role: actor.role,
      unitCode: actor.unitCode,
      unitName: actor.unitCode ? (services.units.get(actor.unitCode)?.name ?? null) : null,
      mustChangePassword: user?.must_change_password ?? false,
      openTasks,
      unreadNotifications: unread,
      authenticatedBy: request.sessionId ? ('session' as const) : ('token' as const),
    };
  });

  r.post('/v1/me/password', {
    preHandler: anyone,
    config: beforePasswordChange,
    schema: {
      tags,
      summary: 'Change my password; my other sessions end',
      body: changePasswordBody,
      response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const { currentPassword, newPassword } = request.body;
    await services.accounts.changePassword(actorOf(request).id, currentPassword, newPassword, request.sessionId, clientOf(request));
    return reply.status(204).send(null);
  });

  r.get('/v1/me/sessions', {
    preHandler: anyone,
    schema: { tags, summary: 'My sessions, newest first', response: { 200: z.array(sessionSchema), ...errorResponses } },
  }, async (request) => services.sessions.list(actorOf(request).id));

  r.get('/v1/me/tokens', {
    preHandler: anyone,
    schema: { tags, summary: 'My API tokens (never their values)', response: { 200: z.array(tokenSchema), ...errorResponses } },
  }, async (request) => services.apiTokens.list(actorOf(request).id));

  r.post('/v1/me/tokens', {
    preHandler: anyone,
    schema: { tags, summary: 'Create a named API token for an integration (shown once)', body: tokenBody, response: { 201: createdTokenSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(await services.apiTokens.create(actor.id, request.body.name, actor.id));
  });

  r.delete('/v1/me/tokens/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Revoke one of my API tokens', params: uuidParam, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await services.apiTokens.revoke(actor.id, request.params.id, actor.id);
    return reply.status(204).send(null);
  });
}
