import { z } from 'zod';

/** Environment variables, checked once at start. A bad value stops the process with a clear message. */
/**
 * A libpq-style connection string as `pg` reads it. Not a WHATWG URL: a Unix socket is written with
 * an empty host (`postgres://user@/db?host=/var/run/postgresql`), which `new URL` refuses.
 */
const postgresUrl = z
  .string()
  .regex(
    /^(postgres|postgresql):\/\/[^\s]*$|^socket:\/[^\s]+$/,
    'must be a PostgreSQL connection string: postgres://user:password@host:5432/db, or postgres://user@/db?host=/var/run/postgresql for a Unix socket',
  );

const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BOOTSTRAP_ADMIN_TOKEN: z.string().min(16, 'BOOTSTRAP_ADMIN_TOKEN must be at least 16 characters').optional(),
  DATA_DIR: z.string().default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Working days from the event date to the reporting deadline (报送时限). */
  DUE_WORKDAYS: z.coerce.number().int().min(1).default(5),
  DUE_WORKDAYS_MAJOR: z.coerce.number().int().min(1).default(3),
  /** Calendar days after the event date after which an item is stale (不予采用). */
  STALE_DAYS: z.coerce.number().int().min(1).default(14),
  /** Reminders: an approver after this many working days waiting; reviewers this many days before stale. */
  SIGNOFF_REMINDER_WORKDAYS: z.coerce.number().int().min(1).default(1),
  STALE_REMINDER_DAYS: z.coerce.number().int().min(0).default(2),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  QUEUE_PREFIX: z.string().default('nmg'),
  UPLOAD_DIR: z.string().optional(),
  /** The worker process's /metrics and /healthz port. */
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** How often workers look for jobs whose worker died. */
  STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Attempts per job and the first backoff delay (doubling each time). */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).default(1_000),
  /** Deadline jobs a worker process runs at once (each is one command on its own item; they are idempotent). */
  DEADLINE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** A job's lock: a worker that dies gives its job back after this long. */
  JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  /** Fault injection for the crash test: score jobs stay open this long after their write. Never set in production. */
  FAULT_SCORE_PAUSE_MS: z.coerce.number().int().min(0).optional(),
  MAX_IMAGE_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  /** Largest photo in pixels (width × height) that is decoded; a larger one is refused (decompression bombs). */
  MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(100_000_000),
  /** Webhook receivers allowed although they resolve to a private or loopback address: hosts, IPs or CIDRs, comma-separated. */
  WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  /** How far a webhook signature's timestamp may be from the receiver's clock (documented for receivers). */
  WEBHOOK_TOLERANCE_S: z.coerce.number().int().min(1).default(300),
  /** /metrics needs `Authorization: Bearer <METRICS_TOKEN>` when set; when unset it answers loopback clients only. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Failed authentications per client address in AUTH_FAILURE_WINDOW_MS before 429. */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(10),
  AUTH_FAILURE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Token lookups kept in the in-process LRU cache. */
  TOKEN_CACHE_SIZE: z.coerce.number().int().min(1).default(10_000),
  /** Sessions (console sign-in): end after this long without a request, and after this long in any case. */
  SESSION_IDLE_MS: z.coerce.number().int().min(60_000).default(8 * 60 * 60 * 1000),
  SESSION_MAX_MS: z.coerce.number().int().min(60_000).default(7 * 24 * 60 * 60 * 1000),
  /** Set when the service is reached over HTTPS (directly or behind a proxy): session cookies get `Secure`. */
  SECURE_COOKIES: z.stringbool().default(false),
  /** Failed sign-ins before a login name is locked, and for how long (the window failures are counted in, too). */
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_LOCK_MS: z.coerce.number().int().min(1000).default(15 * 60 * 1000),
  /** Failed sign-ins from one client address before it is locked: higher, since an office shares one address. */
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(10),
  /**
   * Behind a reverse proxy: `true` to trust X-Forwarded-For from any proxy, or the proxies' addresses
   * (comma-separated IPs or CIDRs), so that sign-in and authentication limits count each client, not the proxy.
   */
  TRUST_PROXY: z.string().default(''),
  /** /readyz gives a dependency this long to answer. */
  READY_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  /** Bulletins (通报): the issuing unit, the contact a new draft starts with, and the standing attachments listed after the two tables ('|'-separated). */
  BULLETIN_ISSUER: z.string().trim().min(1).max(60).default('内蒙古自治区计划生育协会'),
  BULLETIN_CONTACT_NAME: z.string().trim().max(40).default(''),
  BULLETIN_CONTACT_PHONE: z.string().trim().max(40).default(''),
  BULLETIN_ATTACHMENTS: z.string().trim().max(500).default('自治区计生协门户网站信息编辑与质量要求'),
  // Shutdown (issue 14)
  /** On SIGTERM/SIGINT the process stops in order within this long, then exits anyway (code 1). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** How long closing the workers and queues may take before their connections are cut (BullMQ can hang while Redis reconnects). */
  QUEUE_CLOSE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (e.g. `REDIS_URL=` in a compose file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
