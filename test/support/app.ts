import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { openInfrastructure, type Opened } from '../../src/bootstrap.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase } from './database.ts';
import { multipart, png } from './images.ts';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import { rememberFolder } from './test-run.ts';
import { createQueueKit, queueSettingsFrom, type QueueKit } from '../../workers/queues.ts';
import { startWorkers, type WorkerRuntime } from '../../workers/runtime.ts';

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
  queues?: QueueKit;
  runtime?: WorkerRuntime;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: string;
  env?: Record<string, string>;
  /** Give the app a queue backend: Redis at this URL, or BullMQ's Postgres backend in the test database. */
  queue?: { backend: 'redis'; redisUrl: string } | { backend: 'postgres' };
  /** Also run the workers, relay and sweeper in-process (needs `queue`). */
  workers?: boolean;
  /** Share another stack's database instead of a fresh one: two processes on one database. */
  databaseUrl?: string;
}

/** Short intervals so that worker tests run in seconds; real BullMQ, real time. */
export const FAST_WORKER_ENV = {
  OUTBOX_POLL_MS: '50',
  SWEEP_INTERVAL_MS: '300',
  STALLED_INTERVAL_MS: '1000',
  // Long enough that a busy machine (CI, parallel files) does not take a running job for a dead worker's.
  JOB_LOCK_MS: '3000',
  JOB_ATTEMPTS: '3',
  JOB_BACKOFF_MS: '100',
};

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl } : await createTestDatabase();
  const run = inject('testRun');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_URL: options.queue?.backend === 'redis' ? options.queue.redisUrl : '',
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
    TOKEN_CACHE_MS: '0',
    LOG_LEVEL: 'silent',
    UPLOAD_DIR: path.join(run.dir, `uploads-${randomBytes(4).toString('hex')}`),
    ...(options.workers ? FAST_WORKER_ENV : {}),
    ...options.env,
  });
  // Named after the run, so that its teardown finds what the app left (keys, folders).
  if (!config.QUEUE_PREFIX.startsWith(run.keyPrefix)) config.QUEUE_PREFIX = `${run.keyPrefix}${config.QUEUE_PREFIX}`;
  if (options.env?.UPLOAD_DIR) rememberFolder(run, options.env.UPLOAD_DIR);
  const clock = new TestClock(options.now ?? '2024-05-20T10:00:00+08:00');
  const opened = await openInfrastructure(config, silentLog, clock.read);
  const queues = options.queue ? createQueueKit(queueSettingsFrom(config, database.url)) : undefined;
  const services = createServices(opened.infra, queues);
  const runtime = options.workers && queues ? startWorkers(services) : undefined;
  const app = await buildApp({ services, logger: false });
  await app.ready();
  return {
    app,
    services,
    opened,
    clock,
    config,
    databaseUrl: database.url,
    queues,
    runtime,
    close: async () => {
      await app.close();
      if (runtime) await runtime.stop();
      else await queues?.close();
      await opened.close();
    },
  };
}

/** Polls until `probe` returns a truthy value (real time: the workers run for real). */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 15_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export interface Caller {
  token: string;
  id: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Uploads a file as multipart/form-data (field `file`, extra fields before it). */
  upload(url: string, file: Buffer, filename: string, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
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
    put: (url, body, headers = {}) => app.inject({ method: 'PUT', url, headers: { ...auth, ...headers }, payload: body as object }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers: auth }),
    upload: (url, file, filename, fields = {}) => {
      const form = multipart(file, filename, fields);
      return app.inject({ method: 'POST', url, headers: { ...auth, ...form.headers }, payload: form.payload });
    },
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

const PHOTO = png(1024, 768);

/** Creates a draft that passes the quality checks: a correct title and source line, and one captioned photo. */
export async function createReadyDraft(editor: Caller, fields: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const created = await editor.post('/v1/submissions', fields);
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const item = created.json();
  const photo = await editor.upload(`/v1/submissions/${item.id}/images`, PHOTO, 'photo.png', { caption: '活动现场' });
  if (photo.statusCode !== 201) throw new Error(`upload failed: ${photo.statusCode} ${photo.body}`);
  return item;
}
