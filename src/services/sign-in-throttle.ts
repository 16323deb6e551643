import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface ThrottleSettings {
  maxFailures: number;
  maxFailuresPerAddress: number;
  lockMs: number;
}

/**
 * Failed sign-ins, counted in Postgres per login name and per client address so that every API
 * process shares the count. Failures are counted within `lockMs`; reaching the limit locks the key
 * for `lockMs`. Unknown login names are counted like known ones, so a lock tells nothing.
 */
export class SignInThrottle {
  private readonly db: Kysely<Database>;
  private readonly settings: ThrottleSettings;

  constructor(db: Kysely<Database>, settings: ThrottleSettings) {
    this.db = db;
    this.settings = settings;
  }

  private keys(login: string, address: string) {
    return [
      { key: `login:${login.trim().toLowerCase()}`, limit: this.settings.maxFailures },
      { key: `address:${address}`, limit: this.settings.maxFailuresPerAddress },
    ];
  }

  /** Milliseconds until the later of the two locks ends; 0 when neither holds. */
  async lockedFor(login: string, address: string, now: number): Promise<number> {
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select('locked_until')
      .where('key', 'in', this.keys(login, address).map((k) => k.key))
      .execute();
    const until = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
    return Math.max(0, until - now);
  }

  /** Counts a failure on both keys; returns whether this failure locked one of them. */
  async fail(login: string, address: string, now: number): Promise<boolean> {
    const at = new Date(now);
    const windowStart = new Date(now - this.settings.lockMs);
    const lockEnd = new Date(now + this.settings.lockMs);
    let locked = false;
    for (const { key, limit } of this.keys(login, address)) {
      const row = await this.db
        .insertInto('sign_in_failures')
        .values({ key, failures: 1, first_at: at, locked_until: limit <= 1 ? lockEnd : null })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            // A failure after the window (or after a lock ended) starts a new count.
            failures: sql`CASE WHEN sign_in_failures.first_at < ${windowStart} THEN 1 ELSE sign_in_failures.failures + 1 END`,
            first_at: sql`CASE WHEN sign_in_failures.first_at < ${windowStart} THEN ${at}::timestamptz ELSE sign_in_failures.first_at END`,
            locked_until: sql`CASE WHEN (CASE WHEN sign_in_failures.first_at < ${windowStart} THEN 1 ELSE sign_in_failures.failures + 1 END) >= ${limit}
              THEN ${lockEnd}::timestamptz ELSE NULL END`,
          }),
        )
        .returning('locked_until')
        .executeTakeFirstOrThrow();
      if (row.locked_until && row.locked_until.getTime() > now) locked = true;
    }
    return locked;
  }

  /** A successful sign-in clears its login name's count (the address keeps its own). */
  async succeed(login: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', `login:${login.trim().toLowerCase()}`).execute();
  }
}
