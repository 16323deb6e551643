import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../machines/submission.types.ts';
import { errors } from '../errors.ts';
import type { Authenticator } from './authenticator.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
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

/** A `preHandler` that requires a bearer token and, if given, one of the roles. */
export function requireActor(authenticator: Authenticator, roles?: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw errors.unauthenticated();
    const actor = authenticator.known(match[1]) ?? (await lookUpLimited(request, authenticator, match[1]));
    request.actor = actor;
    if (roles && !roles.includes(actor.role)) throw errors.forbidden();
  };
}

/** The authenticated actor of a request that went through `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
