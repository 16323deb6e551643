import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { commandsFixture } from '../../bench/commands-fixture.ts';
import { pgbenchAtRate } from '../../bench/pgbench.ts';
import { installed } from '../support/programs.ts';

/**
 * The latency benchmark's baseline must do the service's work: a claim or an unclaim per
 * transaction, each a real change (its write finds the version its read saw), every item claimed
 * before any is unclaimed. A write that matched no row would still count as a fast transaction.
 */
describe.skipIf(!installed('pgbench'))('pgbench latency script', () => {
  it('claims, then unclaims, one command per transaction, each recorded', async () => {
    const adminUrl = inject('adminDatabaseUrl');
    const database = `${inject('templateDatabase')}_latency_${randomBytes(3).toString('hex')}`;
    const fixture = await commandsFixture({ adminUrl, database, items: 12, poolSize: 2 });
    try {
      const run = pgbenchAtRate({
        databaseUrl: fixture.url, connections: 2, seconds: 2, items: 12, reviewer: fixture.reviewer, sample: fixture.sample,
      })!;
      // About 60 transactions over two clients with six items each: several passes of claims and unclaims.
      const { latencies, failures } = await run(30);
      expect(failures).toBe(0);
      const { rows } = await fixture.handle.pool.query<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM item_history WHERE actor_id = $1 GROUP BY action`,
        [fixture.reviewer.id],
      );
      const count = (action: string) => rows.find((row) => row.action === action)?.n ?? 0;
      expect(count('unclaim')).toBeGreaterThan(0);
      expect(count('claim') + count('unclaim')).toBe(latencies.length);
      // The claim column (the script writes back the snapshot its read saw, with the old claimedBy).
      const claimed = await fixture.handle.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM items WHERE claimed_by = $1`,
        [fixture.reviewer.id],
      );
      expect(claimed.rows[0].n).toBe(count('claim') - count('unclaim'));
    } finally {
      await fixture.handle.close();
      rmSync(fixture.idsFile, { force: true });
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
