import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appError } from '../errors.ts';

export const SESSION_COOKIE = 'nmg_session';

export interface CookieSettings {
  secure: boolean;
  maxMs: number;
}

/** The session cookie: HttpOnly, SameSite=Strict, path /, Secure when the service is told it is behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.secure,
    path: '/',
    maxAge: Math.floor(settings.maxMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: settings.secure, path: '/' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request may change something (and so needs the same-origin check when it comes by cookie). */
export function changesState(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method);
}

/**
 * A request that acts with a session cookie must come from this origin. Browsers say where a request
 * comes from in `Sec-Fetch-Site` (all current ones) or `Origin`. With `headerRequired` a request that
 * says neither is refused (a browser always sends `Origin` on a cross-site POST); the sign-in form,
 * which also serves curl, only refuses a request that says it comes from elsewhere. Bearer requests
 * are exempt: no browser attaches a bearer token on its own.
 */
export function assertSameOrigin(request: FastifyRequest, { headerRequired }: { headerRequired: boolean }): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw csrfRejected();
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    if (origin === `${request.protocol}://${request.host}`) return;
    throw csrfRejected();
  }
  if (headerRequired) throw csrfRejected();
}

const csrfRejected = () => appError('cross_site_request', undefined);
