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
import { uuidParam } from './schemas.ts';
import { errorResponses, json, noContent } from './openapi.ts';

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
      operationId: 'signIn',
      summary: 'Sign in with a login name and password: sets the session cookie',
      description:
        'Answers with the person and sets the HttpOnly `nmg_session` cookie. Too many failed sign-ins lock the login for a while (429 with Retry-After).',
      security: [],
      body: signInBody,
      response: { 200: json(signedInSchema, 'Signed in', ['set-cookie']), ...errorResponses(401, 403, 429) },
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
    schema: {
      tags,
      operationId: 'signOut',
      summary: 'Sign out: ends this session and clears its cookie',
      description: 'With a bearer token nothing ends (revoke the token instead); the cookie is cleared either way.',
      response: { 204: noContent('Signed out', ['set-cookie']) },
    },
  }, async (request, reply) => {
    if (request.sessionId) await services.accounts.signOut(actorOf(request).id, request.sessionId, clientOf(request));
    clearSessionCookie(reply, cookie);
    return reply.status(204).send(null);
  });

  r.get('/v1/me', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'getMe',
      summary: 'Who I am: role, unit, open tasks, unread notifications',
      description: 'The signed-in person (or integration), how they authenticated, and the counts the console shows in its frame.',
      response: { 200: json(meSchema, 'The caller') },
    },
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
      operationId: 'changeMyPassword',
      summary: 'Change my password; my other sessions end',
      description: 'Needs the current password (403 wrong_password); the new one must meet the rules (400 weak_password).',
      body: changePasswordBody,
      response: { 204: noContent('Changed') },
    },
  }, async (request, reply) => {
    const { currentPassword, newPassword } = request.body;
    await services.accounts.changePassword(actorOf(request).id, currentPassword, newPassword, request.sessionId, clientOf(request));
    return reply.status(204).send(null);
  });

  r.get('/v1/me/sessions', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listMySessions',
      summary: 'My sessions, newest first',
      description: 'Open and ended sessions with the address and browser they came from.',
      response: { 200: json(z.array(sessionSchema), 'The sessions, newest first') },
    },
  }, async (request) => services.sessions.list(actorOf(request).id));

  r.get('/v1/me/tokens', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'listMyTokens',
      summary: 'My API tokens (never their values)',
      description: 'Names, dates of creation and last use, and revocation.',
      response: { 200: json(z.array(tokenSchema), 'The tokens') },
    },
  }, async (request) => services.apiTokens.list(actorOf(request).id));

  r.post('/v1/me/tokens', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'createMyToken',
      summary: 'Create a named API token for an integration (shown once)',
      description: 'The token acts as the caller; its value is in this answer only.',
      body: tokenBody,
      response: { 201: json(createdTokenSchema, 'The new token, with its value') },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(await services.apiTokens.create(actor.id, request.body.name, actor.id));
  });

  r.delete('/v1/me/tokens/:id', {
    preHandler: anyone,
    schema: {
      tags,
      operationId: 'revokeMyToken',
      summary: 'Revoke one of my API tokens',
      description: 'The token stops working at once, in every process.',
      params: uuidParam,
      response: { 204: noContent('Revoked'), ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await services.apiTokens.revoke(actor.id, request.params.id, actor.id);
    return reply.status(204).send(null);
  });
}
