import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';

// `date` columns stay 'YYYY-MM-DD': an event date is a calendar date, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids (history, outbox) fit in a JS number for this domain's volumes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectDatabase(connectionString: string, poolSize = 10): DatabaseHandle {
  // A server that hangs instead of refusing must not hang requests: after 5 s the pool gives up, and the
  // request answers 503 (the error handler maps pool timeouts).
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
