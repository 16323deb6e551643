import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../machines/submission.types.ts';
import { errors } from '../errors.ts';
import type { Authenticator } from './authenticator.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** A `preHandler` that requires a bearer token and, if given, one of the roles. */
export function requireActor(authenticator: Authenticator, roles?: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw errors.unauthenticated();
    const actor = await authenticator.authenticate(match[1]);
    if (!actor) throw errors.unauthenticated();
    request.actor = actor;
    if (roles && !roles.includes(actor.role)) throw errors.forbidden();
  };
}

/** The authenticated actor of a request that went through `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
