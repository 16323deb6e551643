import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../db/database.ts';
import { Authenticator } from '../auth/authenticator.ts';
import { calendarVersion } from '../calendar-store.ts';
import type { ChangeFeed } from '../change-feed.ts';
import type { Config } from '../config.ts';
import { DependencyMonitor } from '../dependencies.ts';
import { Metrics } from '../metrics.ts';
import type { QueueKit } from '../../workers/queues.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import type { DeadlineRules } from '../time/deadlines.ts';
import { SubmissionCommands } from './submission-commands.ts';
import path from 'node:path';
import { createQualityGate } from '../checks/quality-gate.ts';
import { FolderImageStore } from '../storage/image-store.ts';
import { ImageService } from './images.ts';
import { SubmissionQueries } from './submission-queries.ts';
import { SubmissionTimeline } from './submission-timeline.ts';
import type { UnitDirectory } from './unit-directory.ts';
import type { RequestAuthenticator } from '../auth/plugin.ts';
import { Accounts } from './accounts.ts';
import { ApiTokens } from './api-tokens.ts';
import { AuditLog } from './audit.ts';
import { Sessions } from './sessions.ts';
import { SignInThrottle } from './sign-in-throttle.ts';

export interface Infrastructure {
  config: Config;
  db: Kysely<Database>;
  pool: pg.Pool;
  units: UnitDirectory;
  calendar: WorkCalendar;
  /** Calendar changes and token revocations, heard from every process. */
  changes: ChangeFeed;
  clock: () => number;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface Services extends Infrastructure {
  /** The queue backend, where this process has one (admin job views, readiness, metrics). */
  queues?: QueueKit;
  metrics: Metrics;
  /** Postgres and the queue backend: answering now? (/readyz, dependency_up). */
  dependencies: DependencyMonitor;
  images: ImageService;
  /** Reporting deadline and staleness, from the configuration. */
  deadlineRules: DeadlineRules;
  quality: ReturnType<typeof createQualityGate>;
  /** Bearer tokens and session cookies: what every route's `requireActor` asks. */
  authenticator: RequestAuthenticator;
  tokens: Authenticator;
  sessions: Sessions;
  accounts: Accounts;
  apiTokens: ApiTokens;
  audit: AuditLog;
  commands: SubmissionCommands;
  queries: SubmissionQueries;
  /** Comments (批注) and the item's timeline (history with comments merged in). */
  timeline: SubmissionTimeline;
}

export function createServices(infra: Infrastructure, queues?: QueueKit): Services {
  const { config, db, pool, units, calendar, changes, clock, log } = infra;
  const images = new ImageService(db, new FolderImageStore(config.UPLOAD_DIR ?? path.join(config.DATA_DIR, 'uploads')), {
    maxBytes: config.MAX_IMAGE_BYTES,
    maxPixels: config.MAX_IMAGE_PIXELS,
  }, clock);
  const quality = createQualityGate(images, units);
  const deadlineRules: DeadlineRules = {
    dueWorkdays: config.DUE_WORKDAYS,
    dueWorkdaysMajor: config.DUE_WORKDAYS_MAJOR,
    staleDays: config.STALE_DAYS,
  };
  const outboxBacklog = async () => {
    // Effects not yet recorded (the outbox_undone_idx partial index serves this count).
    const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('done_at', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const dependencies = new DependencyMonitor({ db, queues, timeoutMs: config.READY_TIMEOUT_MS, log });
  const tokens = new Authenticator(db, {
    bootstrapToken: config.BOOTSTRAP_ADMIN_TOKEN,
    cacheMs: config.TOKEN_CACHE_MS,
    cacheSize: config.TOKEN_CACHE_SIZE,
    changes,
  });
  const sessions = new Sessions(db, clock, { idleMs: config.SESSION_IDLE_MS, maxMs: config.SESSION_MAX_MS });
  const audit = new AuditLog(db, clock);
  const throttle = new SignInThrottle(db, {
    maxFailures: config.SIGNIN_MAX_FAILURES,
    maxFailuresPerAddress: config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    lockMs: config.SIGNIN_LOCK_MS,
  });
  return {
    ...infra,
    tokens,
    sessions,
    audit,
    authenticator: { tokens, authenticateSession: (value) => sessions.authenticate(value) },
    accounts: new Accounts({ db, units, sessions, throttle, audit, clock, passwordMinLength: config.PASSWORD_MIN_LENGTH }),
    apiTokens: new ApiTokens(db, audit),
    queues,
    images,
    quality,
    deadlineRules,
    dependencies,
    metrics: new Metrics({
      kit: queues,
      outboxBacklog,
      dependencies: () => dependencies.check(),
      calendarVersion: () => calendarVersion(calendar),
      changeFeedConnected: () => changes.connected,
      timeoutMs: config.READY_TIMEOUT_MS,
    }),
    commands: new SubmissionCommands({
      pool,
      units,
      calendar,
      quality,
      clock,
      log,
      rules: deadlineRules,
    }),
    queries: new SubmissionQueries(db, pool, units, clock),
    timeline: new SubmissionTimeline(db, clock),
  };
}
