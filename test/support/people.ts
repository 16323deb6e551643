import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { BOOTSTRAP_TOKEN, callerFor } from './app.ts';

export const SAME_ORIGIN = { origin: 'http://localhost:80' };

/** A person in a browser: their session cookie, sent with a same-origin `Origin` on writes, as a browser does. */
export interface Browser {
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function browserWith(app: FastifyInstance, cookie: string): Browser {
  const cookies = { nmg_session: cookie };
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, cookies }),
    send: (method, url, body, headers = SAME_ORIGIN) =>
      app.inject({ method, url, cookies, headers, ...(body === undefined ? {} : { payload: body as object }) }),
  };
}

export function signIn(app: FastifyInstance, login: string, password: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/v1/session', payload: { login, password }, headers });
}

/** Signs in and returns the browser; throws unless the sign-in succeeded. */
export async function signedIn(app: FastifyInstance, login: string, password: string): Promise<Browser> {
  const response = await signIn(app, login, password);
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'nmg_session');
  if (!cookie) throw new Error('no session cookie');
  return browserWith(app, cookie.value);
}

export interface Person {
  id: string;
  login: string;
  password: string;
}

/**
 * Creates a person through the admin API and signs them in once to replace the initial password,
 * as a new colleague does on their first day.
 */
export async function createPerson(
  app: FastifyInstance,
  fields: { login: string; name: string; role: string; unitCode?: string },
  password = "Grassland-Sunrise-2024",
): Promise<Person & { browser: Browser }> {
  const admin = callerFor(app, BOOTSTRAP_TOKEN);
  const initialPassword = 'Initial-Pass-0001';
  const created = await admin.post('/v1/users', { ...fields, initialPassword });
  if (created.statusCode !== 201) throw new Error(`create person failed: ${created.statusCode} ${created.body}`);
  const first = await signedIn(app, fields.login, initialPassword);
  const changed = await first.send('POST', '/v1/me/password', { currentPassword: initialPassword, newPassword: password });
  if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.statusCode} ${changed.body}`);
  return { id: created.json().id, login: fields.login, password, browser: first };
}
