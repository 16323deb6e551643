import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { openInfrastructure, type Opened } from '../../src/bootstrap.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase } from './database.ts';

export const BOOTSTRAP_TOKEN = 'test-bootstrap-admin-token-0123456789';

/** A clock the test moves by hand: deadlines are tested without waiting. */
export class TestClock {
  now: number;
  constructor(start: string | number) {
    this.now = typeof start === 'number' ? start : Date.parse(start);
  }
  set(iso: string) {
    this.now = Date.parse(iso);
  }
  read = () => this.now;
}

const silentLog = { info() {}, warn() {}, error() {} };

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  opened: Opened;
  clock: TestClock;
  config: Config;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function startTestApp(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
    TOKEN_CACHE_MS: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = new TestClock(options.now ?? '2024-05-20T10:00:00+08:00');
  const opened = await openInfrastructure(config, silentLog, clock.read);
  const services = createServices(opened.infra);
  const app = await buildApp({ services, logger: false });
  await app.ready();
  return {
    app,
    services,
    opened,
    clock,
    config,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

export interface Caller {
  token: string;
  id: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function callerFor(app: FastifyInstance, token: string, id = ''): Caller {
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    id,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { ...auth, ...headers } }),
    post: (url, body, headers = {}) =>
      app.inject({ method: 'POST', url, headers: { ...auth, ...headers }, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body, headers = {}) => app.inject({ method: 'PATCH', url, headers: { ...auth, ...headers }, payload: body as object }),
  };
}

/** Creates a user through the API with the bootstrap admin token. */
export async function createUser(
  app: FastifyInstance,
  role: string,
  unitCode?: string,
  name = `${role} ${unitCode ?? ''}`.trim(),
): Promise<Caller> {
  const admin = callerFor(app, BOOTSTRAP_TOKEN);
  const response = await admin.post('/v1/users', { name, role, ...(unitCode ? { unitCode } : {}) });
  if (response.statusCode !== 201) throw new Error(`createUser failed: ${response.statusCode} ${response.body}`);
  const created = response.json() as { id: string; token: string };
  return callerFor(app, created.token, created.id);
}
