import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../machines/submission.types.ts';
import { appError, errors } from '../errors.ts';
import type { SessionAuth } from '../services/sessions.ts';
import type { Authenticator } from './authenticator.ts';
import { assertSameOrigin, changesState, SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session a cookie-authenticated request came with; null for a bearer token. */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Routes a person who must change their password may still call (the change itself, sign-out). */
    allowedBeforePasswordChange?: boolean;
  }
}

/** How a request proves who it is: a bearer token (integrations) or a session cookie (people). */
export interface RequestAuthenticator {
  tokens: Authenticator;
  authenticateSession(cookieValue: string): Promise<SessionAuth | null>;
}

/**
 * A token not known in-process is looked up in the database, unless its address has failed too
 * often (429, see AuthFailureLimit); a token that turns out unknown counts as a failure.
 */
async function lookUpLimited(request: FastifyRequest, authenticator: Authenticator, token: string): Promise<Actor> {
  const failures = request.server.authFailures;
  await failures?.refuseIfBlocked(request);
  const actor = await authenticator.lookUp(token);
  if (actor) return actor;
  await failures?.recordFailure(request);
  throw errors.unauthenticated();
}

async function bearerActor(request: FastifyRequest, tokens: Authenticator, header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw errors.unauthenticated();
  return tokens.known(match[1]) ?? (await lookUpLimited(request, tokens, match[1]));
}

/**
 * A `preHandler` that requires a bearer token or a session cookie and, if given, one of the roles.
 * Both reach the same actor and the same authorization; a cookie also has to pass the same-origin
 * check on writes, and a person who must change their password may do only that.
 */
export function requireActor(authenticator: RequestAuthenticator, roles?: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      request.actor = await bearerActor(request, authenticator.tokens, header);
      request.sessionId = null;
    } else {
      const cookie = request.cookies?.[SESSION_COOKIE];
      const session = cookie ? await authenticator.authenticateSession(cookie) : null;
      if (!session) throw errors.unauthenticated();
      if (changesState(request)) assertSameOrigin(request, { headerRequired: true });
      request.actor = session.actor;
      request.sessionId = session.sessionId;
      if (session.mustChangePassword && !request.routeOptions.config.allowedBeforePasswordChange) {
        throw appError('password_change_required', undefined);
      }
    }
    if (roles && !roles.includes(request.actor.role)) throw errors.forbidden();
  };
}

/** The authenticated actor of a request that went through `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
