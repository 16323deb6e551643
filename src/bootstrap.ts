import path from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { calendarReloader } from './calendar-store.ts';
import { ChangeFeed } from './change-feed.ts';
import type { Config } from './config.ts';
import type { StopStep } from './process.ts';
import type { Infrastructure } from './services/index.ts';
import { UnitDirectory } from './services/unit-directory.ts';
import { WorkCalendar } from './time/work-calendar.ts';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Opened {
  infra: Infrastructure;
  database: DatabaseHandle;
  /** The database URL in use (the embedded server's when DATABASE_URL is not set). */
  databaseUrl: string;
  close(): Promise<void>;
  /** The same as close, step by step, for a logged stop: change feed, pool, embedded server. */
  closeSteps: readonly StopStep[];
}

/**
 * Connects to Postgres (`DATABASE_URL`, or an embedded server under DATA_DIR), migrates, and loads
 * what every process needs: units and the calendar, kept fresh by the change feed.
 */
export async function openInfrastructure(config: Config, log: Logger, clock: () => number = Date.now): Promise<Opened> {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dir = path.join(config.DATA_DIR, 'pg');
    log.info({ dir, port: config.EMBEDDED_PG_PORT }, 'DATABASE_URL not set: starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(dir, config.EMBEDDED_PG_PORT, (message) => log.info({}, message));
    databaseUrl = embedded.url;
  }
  const database = connectDatabase(databaseUrl, config.DB_POOL_SIZE);
  const changes = new ChangeFeed({ databaseUrl, db: database.db, log });
  // The embedded server stops last: stopped while connections are open, it cuts them (57P01).
  const server = embedded;
  const closeSteps: StopStep[] = [
    ['change feed', () => changes.close()],
    ['database pool', () => database.close()],
    ...(server ? [['embedded PostgreSQL', () => server.stop()] as const] : []),
  ];
  const close = async () => {
    for (const [, step] of closeSteps) await step();
  };
  try {
    await migrateToLatest(database.db);
    // Listen before loading: a change made while loading is then heard, not missed.
    const calendar = new WorkCalendar();
    const reloadCalendar = calendarReloader(database.db, calendar);
    changes.onChange((change) => (change.kind === 'calendar' ? reloadCalendar() : undefined));
    changes.onResync(reloadCalendar);
    await changes.start();
    const [units] = await Promise.all([UnitDirectory.load(database.db), reloadCalendar()]);
    const infra: Infrastructure = { config, db: database.db, pool: database.pool, units, calendar, changes, clock, log };
    return { infra, database, databaseUrl, close, closeSteps };
  } catch (error) {
    await close();
    throw error;
  }
}
